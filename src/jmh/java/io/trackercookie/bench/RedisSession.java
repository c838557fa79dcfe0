package io.trackercookie.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The control for revocation's benchmark: a server-side session in Redis, as teams deploy instead
 * of a sealed cookie. The cookie holds a random session id; the tracker's JSON lives in Redis under
 * it. {@code /read} is one GET and a JSON parse; {@code /write} a GET, a parse and a SET under a
 * new id (as the tracker writes a new seal, so the cookie every request sends keeps reading 42).
 */
final class RedisSession {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "bench:session:";

  private RedisSession() {}

  /** The app, with the benchmark's JSON stored under the benchmark cookie's value as its id. */
  static ResourceConfig app(String url, String json, String cookie) {
    RedisClient client = RedisClient.create(url);
    StatefulRedisConnection<String, String> connection = client.connect();
    connection.sync().set(PREFIX + cookie, json);
    return new ResourceConfig().register(new SessionResource(connection.sync()));
  }

  /** The same two routes as the tracker's app. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class SessionResource {
    private final RedisCommands<String, String> redis;

    SessionResource(RedisCommands<String, String> redis) {
      this.redis = redis;
    }

    private ObjectNode load(String id) throws IOException {
      String json = id == null ? null : redis.get(PREFIX + id);
      return json == null ? JSON.createObjectNode() : (ObjectNode) JSON.readTree(json);
    }

    @GET
    @Path("read")
    public String read(@CookieParam("persistent-information") String id) throws IOException {
      ObjectNode session = load(id);
      return "visits=" + (session.has("visits") ? session.get("visits").asInt() : null);
    }

    @GET
    @Path("write")
    public Response write(@CookieParam("persistent-information") String id) throws IOException {
      ObjectNode session = load(id);
      int next = session.has("visits") ? session.get("visits").asInt() + 1 : 1;
      session.put("visits", next);
      byte[] random = new byte[24];
      RANDOM.nextBytes(random);
      String newId = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      redis.set(PREFIX + newId, JSON.writeValueAsString(session), SetArgs.Builder.ex(60));
      return Response.ok("visits=" + next)
          .cookie(
              new NewCookie.Builder("persistent-information")
                  .value(newId)
                  .path("/")
                  .httpOnly(true)
                  .build())
          .build();
    }
  }
}
