package io.trackercookie.signin;

import static io.trackercookie.signin.SignInServer.expirationOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The preset for signed-in sessions, as a browser sees it. */
class SignedInSessionsPresetHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final String NAME = "__Host-" + SignInServer.NAME;

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @BeforeEach
  void start() {
    server = new SignInServer(TestConfigs.builder().signedInSessions().clock(clock), NAME);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void signIn_setsAHostPrefixedSecureHttpOnlyLaxSessionCookie_livingThirtyIdleMinutes() {
    RawHttp.Response response = server.post("/signin?user=alice");
    String line = server.setCookieLine(response);
    assertTrue(
        line.endsWith("; Path=/; Secure; HttpOnly; SameSite=Lax") && !line.contains("Max-Age"),
        line);
    assertEquals(START.plus(Duration.ofMinutes(30)), expirationOf(server.cookie));
  }

  @Test
  void rememberedSignIn_livesTwelveHours() {
    RawHttp.Response response = server.post("/signin?user=alice&remember=true");
    assertTrue(server.setCookieLine(response).contains("; Max-Age=43200;"));
    assertEquals(START.plus(Duration.ofHours(12)), expirationOf(server.cookie));
  }

  @Test
  void signInPostedFromAnotherSite_isRefused() {
    RawHttp.Response refused =
        RawHttp.request(
            server.base(), "POST", "/signin?user=mallory", "Sec-Fetch-Site: cross-site");
    assertEquals(403, refused.status());
    assertTrue(refused.setCookies().isEmpty(), refused.setCookies().toString());
    RawHttp.Response sameOrigin =
        RawHttp.request(server.base(), "POST", "/signin?user=alice", "Sec-Fetch-Site: same-origin");
    assertEquals(200, sameOrigin.status());
  }

  @Test
  void signOut_revokes_soACopyReadsSignedOut() {
    server.post("/signin?user=alice");
    String copy = server.cookie;
    server.post("/signout");
    assertTrue(server.getWith(copy, "/me").body().contains("\"signedIn\":false"));
  }
}
