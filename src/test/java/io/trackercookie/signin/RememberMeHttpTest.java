package io.trackercookie.signin;

import static io.trackercookie.signin.SignInServer.expirationOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.RevocationOptions;
import io.trackercookie.SignInOptions;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remember-me per sign-in: a session cookie whose seal lives the idle timeout, or a persistent one
 * that lives rememberFor from sign-in; the choice is kept across writes and reissues.
 */
class RememberMeHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final Duration REMEMBER = Duration.ofDays(7);

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @BeforeEach
  void start() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .slidingExpiry(IDLE)
                .revocation(RevocationOptions.embedded())
                .signIn(
                    SignInOptions.builder()
                        .absoluteLifetime(Duration.ofDays(30))
                        .rememberFor(REMEMBER)
                        .build()));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void sessionSignIn_writesACookieWithoutMaxAge_whoseSealLivesTheIdleTimeout() {
    RawHttp.Response response = server.post("/signin?user=alice");
    String line = server.setCookieLine(response);
    assertFalse(line.contains("Max-Age") || line.contains("Expires"), line);
    assertEquals(START.plus(IDLE), expirationOf(server.cookie));
  }

  @Test
  void sessionSignIn_staysAfterASlidingReissue_aSessionCookie() {
    server.post("/signin?user=alice");
    clock.advance(Duration.ofMinutes(20));
    RawHttp.Response reissued = server.get("/me");
    String line = server.setCookieLine(reissued);
    assertNotNull(line, "past half the idle timeout");
    assertFalse(line.contains("Max-Age"), line);
    assertEquals(clock.instant().plus(IDLE), expirationOf(server.cookie));
    assertTrue(reissued.body().contains("\"signedIn\":true"));
  }

  @Test
  void sessionSignIn_idleLongerThanTheTimeout_isSignedOut() {
    server.post("/signin?user=alice");
    clock.advance(IDLE.plusMinutes(2));
    assertEquals(
        "{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}", server.get("/me").body());
    assertEquals(List.of(RejectionReason.EXPIRED), server.rejections);
  }

  @Test
  void persistentSignIn_writesMaxAgeOfRememberFor_andItsSealEndsThen() {
    RawHttp.Response response = server.post("/signin?user=alice&remember=true");
    String line = server.setCookieLine(response);
    assertTrue(line.contains("; Max-Age=" + REMEMBER.toSeconds() + ";"), line);
    assertEquals(START.plus(REMEMBER), expirationOf(server.cookie));
  }

  @Test
  void persistentSignIn_outlivesTheIdleTimeout_andEndsAtRememberFor() {
    server.post("/signin?user=alice&remember=true");
    clock.advance(Duration.ofDays(3)); // the browser was closed for three days
    RawHttp.Response back = server.get("/me");
    assertTrue(back.body().contains("\"signedIn\":true"), back.body());
    assertTrue(back.setCookies().isEmpty(), "nothing to reissue: its end is fixed");
    clock.set(START.plus(REMEMBER).plusSeconds(61));
    assertTrue(server.get("/me").body().contains("\"signedIn\":false"));
  }

  @Test
  void persistentSignIn_keepsItsEndAcrossWrites_withMaxAgeCountingDown() {
    server.post("/signin?user=alice&remember=true");
    clock.advance(Duration.ofDays(1));
    RawHttp.Response write = server.get("/put?k=cart&v=3");
    String line = server.setCookieLine(write);
    assertTrue(line.contains("; Max-Age=" + REMEMBER.minusDays(1).toSeconds() + ";"), line);
    assertEquals(START.plus(REMEMBER), expirationOf(server.cookie));
  }

  @Test
  void signingInAgainWithoutRememberMe_makesItASessionCookieAgain() {
    server.post("/signin?user=alice&remember=true");
    RawHttp.Response again = server.post("/signin?user=alice");
    assertFalse(server.setCookieLine(again).contains("Max-Age"), server.setCookieLine(again));
    assertEquals(START.plus(IDLE), expirationOf(server.cookie));
  }

  @Test
  void anonymousVisitor_keepsTheConfiguredCookie_andTheIdleLifetime() {
    RawHttp.Response write = server.get("/put?k=cart&v=3");
    assertTrue(
        server.setCookieLine(write).contains("; Max-Age=" + IDLE.toSeconds() + ";"),
        server.setCookieLine(write));
    assertEquals(START.plus(IDLE), expirationOf(server.cookie), "not the remembered lifetime");
  }
}
