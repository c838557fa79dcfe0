package io.trackercookie.signin;

import static io.trackercookie.signin.SignInServer.expirationOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The absolute lifetime over HTTP, with a clock the test moves: no write, reissue or reseal takes a
 * signed-in seal past sign-in + the absolute lifetime, however active the visitor.
 */
class AbsoluteLifetimeHttpTest {

  private static final Instant START = Instant.parse("2026-01-02T03:04:05Z");
  private static final Duration ABSOLUTE = Duration.ofHours(2);
  private static final Instant SESSION_END = START.plus(ABSOLUTE);

  private final TestClock clock = new TestClock(START);
  private SignInServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private SignInServer sliding() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    return server;
  }

  @Test
  void activeVisitor_withSlidingExpiry_isSignedOutAtTheAbsoluteLifetime() {
    SignInServer s = sliding();
    s.post("/signin?user=alice");
    int reissuesAtTheEnd = 0;
    for (int minute = 10; minute < ABSOLUTE.toMinutes(); minute += 10) {
      clock.set(START.plusSeconds(minute * 60L));
      RawHttp.Response response = s.get("/me");
      assertTrue(response.body().contains("\"signedIn\":true"), "minute " + minute);
      assertFalse(expirationOf(s.cookie).isAfter(SESSION_END), "minute " + minute);
      if (minute > 100 && s.setCookieLine(response) != null) {
        reissuesAtTheEnd++;
      }
    }
    assertEquals(SESSION_END, expirationOf(s.cookie), "the last reissue ends with the session");
    assertTrue(reissuesAtTheEnd <= 1, "no reissue once it cannot go further: " + reissuesAtTheEnd);
    clock.set(SESSION_END.plusSeconds(61)); // past iron's skew
    assertEquals("{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}", s.get("/me").body());
    assertEquals(List.of(RejectionReason.EXPIRED), s.rejections);
  }

  @Test
  void applicationWrites_neverTakeTheSealPastTheAbsoluteLifetime_andMaxAgeEndsWithIt() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .ttl(Duration.ofHours(1))
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    SignInServer s = server;
    s.post("/signin?user=alice&remember=true");
    for (int minute = 50; minute < ABSOLUTE.toMinutes(); minute += 50) {
      clock.set(START.plusSeconds(minute * 60L));
      RawHttp.Response write = s.get("/put?k=visit&v=" + minute);
      assertEquals(SESSION_END, expirationOf(s.cookie), "minute " + minute);
      long left = Duration.between(clock.instant(), SESSION_END).toSeconds();
      assertTrue(
          s.setCookieLine(write).contains("; Max-Age=" + left + ";"), s.setCookieLine(write));
    }
    clock.set(SESSION_END.plusSeconds(61));
    assertEquals("{}", s.get("/read").body());
  }

  @Test
  void applicationWrites_withASessionCookie_endWithTheIdleTimeoutOrTheSession_whicheverIsFirst() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .ttl(Duration.ofHours(1))
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    SignInServer s = server;
    s.post("/signin?user=alice");
    clock.set(START.plus(Duration.ofMinutes(50)));
    RawHttp.Response write = s.get("/put?k=visit&v=1");
    assertEquals(clock.instant().plus(Duration.ofHours(1)), expirationOf(s.cookie));
    assertFalse(s.setCookieLine(write).contains("Max-Age"), s.setCookieLine(write));
    clock.set(START.plus(Duration.ofMinutes(100)));
    s.get("/put?k=visit&v=2");
    assertEquals(SESSION_END, expirationOf(s.cookie));
  }

  @Test
  void sealStillInsideIronsSkew_pastTheAbsoluteLifetime_isRefusedAsSignInExpired() {
    SignInServer s = sliding();
    s.post("/signin?user=alice");
    for (int minute = 25; minute < ABSOLUTE.toMinutes(); minute += 25) {
      clock.set(START.plusSeconds(minute * 60L));
      s.get("/me");
    }
    assertEquals(SESSION_END, expirationOf(s.cookie));
    clock.set(SESSION_END.plusSeconds(30)); // iron still opens it: 60 s skew
    RawHttp.Response response = s.get("/me");
    assertEquals("{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}", response.body());
    assertEquals(List.of(RejectionReason.SIGN_IN_EXPIRED), s.rejections);
    assertTrue(response.setCookies().isEmpty(), "a refused seal is left to lapse");
  }

  @Test
  void aShorterAbsoluteLifetime_endsSessionsSignedInUnderTheLongerOne() {
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .ttl(Duration.ofDays(1))
                .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofDays(1)).build()));
    server.post("/signin?user=alice");
    String signedIn = server.cookie;
    server.close();
    server =
        new SignInServer(
            SignInServer.config()
                .clock(clock)
                .ttl(Duration.ofDays(1))
                .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(1)).build()));
    clock.advance(Duration.ofMinutes(59));
    assertTrue(server.getWith(signedIn, "/me").body().contains("\"signedIn\":true"));
    clock.advance(Duration.ofMinutes(2));
    assertEquals(
        "{\"signedIn\":false,\"subject\":null,\"signedInAt\":null}",
        server.getWith(signedIn, "/me").body());
    assertEquals(List.of(RejectionReason.SIGN_IN_EXPIRED), server.rejections);
  }

  @Test
  void keyRotationReseal_keepsTheSessionsEnd_andItsSessionCookie() {
    server =
        new SignInServer(
            SignInServer.config()
                .passwords(IronPasswords.builder().current("k1", TestConfigs.PASSWORD).build())
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    server.post("/signin?user=alice");
    String underK1 = server.cookie;
    server.close();
    server =
        new SignInServer(
            SignInServer.config()
                .passwords(
                    IronPasswords.builder()
                        .current("k2", TestConfigs.OTHER_PASSWORD)
                        .accept("k1", TestConfigs.PASSWORD)
                        .build())
                .clock(clock)
                .slidingExpiry(Duration.ofMinutes(30))
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    clock.advance(Duration.ofMinutes(5));
    server.cookie = underK1;
    RawHttp.Response resealed = server.get("/me");
    String line = server.setCookieLine(resealed);
    assertNotNull(line, "resealed under the current password");
    assertTrue(line.startsWith(SignInServer.NAME + "=Fe26.2*k2*"), line);
    assertEquals(expirationOf(underK1), expirationOf(server.cookie), "the expiration it had");
    assertFalse(line.contains("Max-Age"), "still a session cookie: " + line);
  }
}
