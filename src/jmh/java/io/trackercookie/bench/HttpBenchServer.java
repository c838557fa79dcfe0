package io.trackercookie.bench;

import com.sun.management.ThreadMXBean;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerFeature;
import io.trackercookie.internal.engine.EngineFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The Java side of bench/run-http.sh: one tiny app on Grizzly, in five versions. "plain" has no
 * tracker feature (the baseline), "plaincookie" neither, but its /write sends a constant Set-Cookie
 * as long as the tracker's (the cost of the bytes alone), "sealfloor" neither, but its /write sends
 * a fresh seal by hand (the cost of the bytes and the crypto alone), "tracker" registers {@link
 * TrackerFeature} with its defaults (verified-seal cache on), "nocache" the same with the cache
 * off; "revoke-embedded" and "revoke-redis" are "tracker" with revocation on (the embedded store,
 * or Redis at {@code REDIS_URL} with its local view), and "redis-session" is the server-side
 * session teams would otherwise deploy ({@link RedisSession}). The second argument picks one app
 * for this JVM (the script runs one JVM per app); without it all five start. All listen on
 * 127.0.0.1 on ports the OS picks; prints {@code {"plain": port, ...}} for the apps started and
 * writes a cookie value (bench/payloads/152.json sealed as tracker-cookie seals it) to the file
 * given as the first argument. Exits when stdin closes, so it never outlives the script. A line
 * {@code alloc} on stdin prints {@code alloc <bytes>}: the bytes allocated so far by all live
 * threads, so the script can report heap allocation per request; a line {@code stats} prints {@code
 * stats <bytes> <collections> <gc-millis>}, the same bytes and the garbage collections so far with
 * the time they took, for allocation and GC time per request.
 *
 * <p>Routes: {@code GET /read} answers {@code visits=<n>} from the tracker (baseline: a constant),
 * {@code GET /write} puts visits + 1, so every response carries a new seal.
 *
 * <p>Environment: {@code TRACKER_PASSWORD} (32+ characters; Express's side uses the same).
 */
public final class HttpBenchServer {

  private HttpBenchServer() {}

  /** The baseline: the same answers, no tracker. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class PlainResource {
    @GET
    @Path("read")
    public String read() {
      return "visits=42";
    }

    @GET
    @Path("write")
    public String write() {
      return "visits=43";
    }
  }

  /**
   * Added to the baseline app for "plaincookie": a constant Set-Cookie as long as the tracker's on
   * /write, so the control differs from the baseline only by the bigger response (bytes through
   * Grizzly, the kernel and wrk) and one response filter, with no feature.
   */
  public static final class ConstantSetCookie
      implements jakarta.ws.rs.container.ContainerResponseFilter {
    private final String setCookie;

    ConstantSetCookie(String setCookie) {
      this.setCookie = setCookie;
    }

    @Override
    public void filter(
        jakarta.ws.rs.container.ContainerRequestContext request,
        jakarta.ws.rs.container.ContainerResponseContext response) {
      if (request.getUriInfo().getPath().endsWith("write")) {
        response.getHeaders().add("Set-Cookie", setCookie);
      }
    }
  }

  /**
   * Added to the baseline app for "sealfloor": /write sends a Set-Cookie like the tracker's, its
   * value a fresh seal of the same plaintext by {@link JcaFloor#sealReusedSalts} (one AES-CBC
   * encryption and one HMAC-SHA256 with keys derived once, as the provider seals by default). No
   * cookie is read, no JSON written, nothing cached: the least a cookie that changes on every
   * response costs in this format, so the tracker's /write can be read against it.
   */
  public static final class SealFloorCookie
      implements jakarta.ws.rs.container.ContainerResponseFilter {
    private final String namePrefix;
    private final String plaintext;
    private final String attributes;
    private final String password;
    private final ThreadLocal<JcaFloor> floors;

    SealFloorCookie(String setCookieSample, String plaintext, String password) {
      int valueStart = setCookieSample.indexOf('=') + 1;
      this.namePrefix = setCookieSample.substring(0, valueStart);
      this.attributes = setCookieSample.substring(setCookieSample.indexOf(';'));
      this.plaintext = plaintext;
      this.password = password;
      this.floors = ThreadLocal.withInitial(() -> new JcaFloor(this.password));
    }

    @Override
    public void filter(
        jakarta.ws.rs.container.ContainerRequestContext request,
        jakarta.ws.rs.container.ContainerResponseContext response) {
      if (request.getUriInfo().getPath().endsWith("write")) {
        try {
          response
              .getHeaders()
              .add("Set-Cookie", namePrefix + floors.get().sealReusedSalts(plaintext) + attributes);
        } catch (java.security.GeneralSecurityException e) {
          throw new IllegalStateException("AES and HMAC-SHA256 are part of every Java platform", e);
        }
      }
    }
  }

  /** Reads, or changes, the tracker. */
  @Path("/")
  @Produces(MediaType.TEXT_PLAIN)
  public static final class TrackedResource {
    @GET
    @Path("read")
    public String read(@Context Tracker tracker) {
      return "visits=" + tracker.get("visits", Integer.class);
    }

    @GET
    @Path("write")
    public String write(@Context Tracker tracker) {
      Integer visits = tracker.get("visits", Integer.class);
      int next = visits == null ? 1 : visits + 1;
      tracker.put("visits", next);
      return "visits=" + next;
    }
  }

  private static String redisUrl() {
    String url = System.getenv("REDIS_URL");
    if (url == null || url.isEmpty()) {
      throw new IllegalStateException("REDIS_URL must name the Redis of the redis apps");
    }
    return url;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 2) {
      throw new IllegalArgumentException(
          "usage: HttpBenchServer COOKIE_FILE"
              + " [plain|plaincookie|sealfloor|tracker|nocache|revoke-embedded|revoke-redis"
              + "|redis-session]");
    }
    // One app per JVM is how the script runs them: apps sharing a JVM share JIT profiles, and
    // alternating the load between them made the JIT recompile shared code between rounds.
    List<String> apps =
        args.length == 2
            ? List.of(args[1])
            : List.of("plain", "plaincookie", "sealfloor", "tracker", "nocache");
    String password = System.getenv("TRACKER_PASSWORD");
    TrackerConfig config = TrackerConfig.builder().password(password).build();
    TrackerConfig noCache = TrackerConfig.builder().password(password).noSealCache().build();
    String json =
        Files.readString(java.nio.file.Path.of("bench/payloads/152.json"), StandardCharsets.UTF_8);
    // tracker-cookie seals JSON.stringify(info): a JSON string holding the JSON.
    String plaintext = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json);
    String cookie = EngineFactory.codec(config).seal(plaintext);
    java.nio.file.Path cookieFile = java.nio.file.Path.of(args[0]);
    java.nio.file.Path written =
        Files.writeString(
            cookieFile.resolveSibling(
                cookieFile.getFileName() + "." + ProcessHandle.current().pid()),
            cookie + "\n",
            StandardCharsets.US_ASCII);
    Files.move(
        written,
        cookieFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);

    Map<String, HttpServer> servers = new LinkedHashMap<>();
    for (String app : apps) {
      switch (app) {
        case "plain" -> servers.put(app, start(new ResourceConfig(PlainResource.class)));
        case "plaincookie" -> {
          String setCookie = trackerSetCookie(config, cookie);
          servers.put(
              app,
              start(
                  new ResourceConfig(PlainResource.class)
                      .register(new ConstantSetCookie(setCookie))));
        }
        case "sealfloor" -> {
          String setCookie = trackerSetCookie(config, cookie);
          // The text the tracker seals on /write, taken from its own seal.
          String sealedText =
              EngineFactory.codec(config)
                  .unseal(setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';')));
          servers.put(
              app,
              start(
                  new ResourceConfig(PlainResource.class)
                      .register(new SealFloorCookie(setCookie, sealedText, password))));
        }
        case "tracker" ->
            servers.put(
                app,
                start(
                    new ResourceConfig(TrackedResource.class)
                        .register(new TrackerFeature(config))));
        case "nocache" ->
            servers.put(
                app,
                start(
                    new ResourceConfig(TrackedResource.class)
                        .register(new TrackerFeature(noCache))));
        case "revoke-embedded", "revoke-redis" -> {
          io.trackercookie.RevocationOptions.Builder revocation =
              io.trackercookie.RevocationOptions.builder().subjectKey("userId");
          if (app.equals("revoke-redis")) {
            revocation.redis(redisUrl());
          }
          TrackerConfig revocable =
              TrackerConfig.builder()
                  .password(password)
                  .ttl(java.time.Duration.ofDays(30))
                  .revocation(revocation.build())
                  .build();
          servers.put(
              app,
              start(
                  new ResourceConfig(TrackedResource.class)
                      .register(new TrackerFeature(revocable))));
        }
        case "redis-session" -> servers.put(app, start(RedisSession.app(redisUrl(), json, cookie)));
        default -> throw new IllegalArgumentException("unknown app " + app);
      }
    }
    StringBuilder ports = new StringBuilder("{");
    servers.forEach(
        (app, server) ->
            ports
                .append(ports.length() > 1 ? ", " : "")
                .append('"')
                .append(app)
                .append("\": ")
                .append(port(server)));
    System.out.println(ports.append('}'));
    System.out.flush();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
    for (String line; (line = in.readLine()) != null; ) {
      if (line.equals("alloc")) {
        System.out.println("alloc " + allocatedBytes());
        System.out.flush();
      } else if (line.equals("stats")) {
        long[] gc = gcCountAndMillis();
        System.out.println("stats " + allocatedBytes() + " " + gc[0] + " " + gc[1]);
        System.out.flush();
      }
    }
    servers.values().forEach(HttpServer::shutdownNow);
  }

  /** The Set-Cookie line the tracker app writes on /write, asked of one started for the purpose. */
  private static String trackerSetCookie(TrackerConfig config, String cookie) throws IOException {
    HttpServer tracked =
        start(new ResourceConfig(TrackedResource.class).register(new TrackerFeature(config)));
    try {
      return sampleSetCookie(tracked, cookie);
    } finally {
      tracked.shutdownNow();
    }
  }

  /** The Set-Cookie line the tracker app writes on /write, asked for over HTTP. */
  private static String sampleSetCookie(HttpServer tracked, String cookie) throws IOException {
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port(tracked) + "/write"))
            .header("Cookie", "persistent-information=" + cookie)
            .build();
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.discarding())
          .headers()
          .firstValue("Set-Cookie")
          .orElseThrow();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static HttpServer start(ResourceConfig app) {
    app.property(ServerProperties.WADL_FEATURE_DISABLE, true);
    return GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), app);
  }

  /**
   * Bytes allocated by every live thread (HotSpot's per-thread counters; Grizzly's pool threads
   * live on).
   */
  private static long allocatedBytes() {
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    long total = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  /**
   * Collections so far and the milliseconds they took, over every collector the JVM reports (with
   * G1, the young and mixed pauses and any full collection; concurrent marking is not a pause).
   */
  private static long[] gcCountAndMillis() {
    long count = 0;
    long millis = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        ManagementFactory.getGarbageCollectorMXBeans()) {
      count += Math.max(0, gc.getCollectionCount());
      millis += Math.max(0, gc.getCollectionTime());
    }
    return new long[] {count, millis};
  }

  private static int port(HttpServer server) {
    return server.getListeners().iterator().next().getPort();
  }
}
