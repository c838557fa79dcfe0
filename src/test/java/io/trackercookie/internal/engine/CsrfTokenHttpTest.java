package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.RawHttp;
import io.trackercookie.RevocationOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.Tracker;
import io.trackercookie.TrackerFeature;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session-bound token over HTTP: minted by {@link Tracker#csrfToken()}, its nonce kept in the
 * seal, and checked as the cross-site filter checks it ({@link RequestTracker#csrfTokenMatches}).
 * Revocation names the subject key {@code userId}, so tokens are bound to the signed-in user.
 */
class CsrfTokenHttpTest {

  private static final String NAME = "persistent-information";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer server;

  @Path("/csrf")
  public static class TokenResource {
    @GET
    @Path("token")
    public String token(@Context Tracker tracker) {
      return tracker.csrfToken();
    }

    @GET
    @Path("renew")
    public String renew(@Context Tracker tracker) {
      return tracker.renewCsrfToken();
    }

    @GET
    @Path("check")
    public String check(@Context ContainerRequestContext request, @QueryParam("t") String token) {
      return String.valueOf(((RequestTracker) Tracker.from(request)).csrfTokenMatches(token));
    }

    @GET
    @Path("sign-in")
    public String signIn(@Context Tracker tracker, @QueryParam("user") String user) {
      tracker.put("userId", user);
      return "ok";
    }

    @GET
    @Path("clear")
    public String clear(@Context Tracker tracker) {
      tracker.clear();
      return "ok";
    }

    @GET
    @Path("read")
    public String read(@Context Tracker tracker) {
      return tracker.asMap().toString();
    }
  }

  @BeforeAll
  static void start() {
    server =
        new TestServer(
            () ->
                new ResourceConfig(TokenResource.class)
                    .register(
                        new TrackerFeature(
                            TestConfigs.builder()
                                .revocation(
                                    RevocationOptions.builder()
                                        .embedded()
                                        .subjectKey("userId")
                                        .build())
                                .build())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String cookie(String value) {
    return "Cookie: " + NAME + "=" + value;
  }

  /** A visitor's cookie and the token its first page got. */
  private record Session(String cookie, String token) {}

  private static Session newSession() {
    RawHttp.Response first = server.get("/csrf/token");
    String value = first.cookieValue(NAME);
    assertNotNull(value, "the nonce is sealed into a new cookie");
    return new Session(value, first.body());
  }

  private static boolean matches(Session session, String token) {
    return Boolean.parseBoolean(
        server.get("/csrf/check?t=" + token, cookie(session.cookie())).body());
  }

  @Test
  void theFirstToken_sealsANonce_thatTheApplicationDoesNotSee() throws Exception {
    Session session = newSession();
    JsonNode sealed =
        JSON.readTree(JSON.readTree(TestConfigs.unseal(session.cookie())).textValue());
    assertEquals(43, sealed.get("$tracker").get("csrf").textValue().length());
    assertEquals("{}", server.get("/csrf/read", cookie(session.cookie())).body());
    assertEquals("true", String.valueOf(matches(session, session.token())));
  }

  @Test
  void laterTokens_keepTheNonce_andEveryOneMatches() {
    Session session = newSession();
    RawHttp.Response again = server.get("/csrf/token", cookie(session.cookie()));
    assertNull(again.cookieValue(NAME), "the nonce is there already: nothing to seal");
    assertNotEquals(session.token(), again.body(), "each token is masked afresh");
    assertEquals(true, matches(session, again.body()));
    assertEquals(true, matches(session, session.token()));
  }

  @Test
  void aTokenOfAnotherSession_doesNotMatch() {
    Session mine = newSession();
    Session theirs = newSession();
    assertEquals(false, matches(mine, theirs.token()));
    assertEquals(false, matches(theirs, mine.token()));
  }

  @Test
  void aTokenFromBeforeTheNonceWasRenewed_doesNotMatch() {
    Session session = newSession();
    RawHttp.Response renewed = server.get("/csrf/renew", cookie(session.cookie()));
    Session after = new Session(renewed.cookieValue(NAME), renewed.body());
    assertNotNull(after.cookie());
    assertEquals(false, matches(after, session.token()));
    assertEquals(true, matches(after, after.token()));
    assertEquals(false, matches(session, after.token()), "nor the new one in the old session");
  }

  @Test
  void aTokenOfAnotherSubject_doesNotMatch() {
    Session anonymous = newSession();
    String alice =
        server.get("/csrf/sign-in?user=alice", cookie(anonymous.cookie())).cookieValue(NAME);
    Session signedIn = new Session(alice, server.get("/csrf/token", cookie(alice)).body());
    assertEquals(false, matches(signedIn, anonymous.token()), "minted before the subject was set");
    assertEquals(true, matches(signedIn, signedIn.token()));
    String bob = server.get("/csrf/sign-in?user=bob", cookie(alice)).cookieValue(NAME);
    assertEquals(false, matches(new Session(bob, null), signedIn.token()), "minted for alice");
  }

  @Test
  void noSession_orAClearedOne_matchesNoToken() {
    Session session = newSession();
    assertEquals("false", server.get("/csrf/check?t=" + session.token()).body());
    RawHttp.Response cleared = server.get("/csrf/clear", cookie(session.cookie()));
    assertEquals("", cleared.cookieValue(NAME), "clear deletes the cookie and the nonce with it");
  }
}
