package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.SignInOptions;
import io.trackercookie.TestConfigs;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieLifetime;
import io.trackercookie.internal.seal.TrackerJson;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each seal's bound and cookie, and its earliest issue time, from the session it holds. */
class SessionLifetimesTest {

  private static final Instant SIGNED_IN = Instant.parse("2026-01-02T03:04:05.123Z");
  private static final Duration IDLE = Duration.ofMinutes(30);
  private static final Duration ABSOLUTE = Duration.ofHours(12);
  private static final Duration REMEMBER = Duration.ofHours(8);

  private final TestClock clock = new TestClock(SIGNED_IN);

  private SessionLifetimes lifetimes(TrackerConfig.Builder builder) {
    return new SessionLifetimes(builder.clock(clock).build());
  }

  private SessionLifetimes signInOn() {
    return lifetimes(
        TestConfigs.builder()
            .slidingExpiry(IDLE)
            .signIn(
                SignInOptions.builder().absoluteLifetime(ABSOLUTE).rememberFor(REMEMBER).build()));
  }

  private static ObjectNode signedIn(boolean persistent) {
    ObjectNode content = TrackerJson.WIRE.createObjectNode().put("subject", "alice");
    content.set(
        SessionMetadata.KEY, SessionMetadata.NONE.withSignIn(SIGNED_IN, persistent).toNode());
    return content;
  }

  @Test
  void signInOff_setsNoBound_andTheIssueTimeIsTheExpirationLessTheTtl() {
    SessionLifetimes off = lifetimes(TestConfigs.builder().ttl(Duration.ofHours(1)));
    assertEquals(
        new SessionLifetimes.Bound(null, CookieLifetime.CONFIGURED),
        off.forNewSeal(signedIn(false)));
    assertFalse(off.signedIn(signedIn(false)), "a sign-in is plain data with sign-in off");
    Instant expiration = SIGNED_IN.plus(Duration.ofHours(3));
    assertEquals(SIGNED_IN.plus(Duration.ofHours(2)), off.issuedAt(expiration, signedIn(true)));
  }

  @Test
  void notSignedIn_isBoundedByTheIdleLifetime_whenARememberedOneIsLonger() {
    SessionLifetimes on = signInOn();
    clock.advance(Duration.ofMinutes(7));
    assertEquals(
        new SessionLifetimes.Bound(clock.instant().plus(IDLE), CookieLifetime.CONFIGURED),
        on.forNewSeal(TrackerJson.WIRE.createObjectNode().put("visits", 3)));
  }

  @Test
  void sessionSignIn_isBoundedByTheIdleLifetime_thenByTheSessionsEnd() {
    SessionLifetimes on = signInOn();
    clock.advance(Duration.ofHours(2));
    assertEquals(
        new SessionLifetimes.Bound(clock.instant().plus(IDLE), CookieLifetime.SESSION),
        on.forNewSeal(signedIn(false)));
    clock.set(SIGNED_IN.plus(ABSOLUTE).minus(Duration.ofMinutes(10)));
    assertEquals(
        new SessionLifetimes.Bound(SIGNED_IN.plus(ABSOLUTE), CookieLifetime.SESSION),
        on.forNewSeal(signedIn(false)));
  }

  @Test
  void persistentSignIn_endsRememberForAfterSignIn_whenever() {
    SessionLifetimes on = signInOn();
    for (Duration later : new Duration[] {Duration.ZERO, Duration.ofHours(7)}) {
      clock.set(SIGNED_IN.plus(later));
      assertEquals(
          new SessionLifetimes.Bound(SIGNED_IN.plus(REMEMBER), CookieLifetime.UNTIL_SEAL_EXPIRES),
          on.forNewSeal(signedIn(true)));
    }
  }

  @Test
  void theAbsoluteLifetime_endsTheSessionToTheMillisecond() {
    SessionLifetimes on = signInOn();
    clock.set(SIGNED_IN.plus(ABSOLUTE).minusMillis(1));
    assertFalse(on.pastAbsoluteLifetime(signedIn(false)));
    assertTrue(on.signedIn(signedIn(false)));
    clock.set(SIGNED_IN.plus(ABSOLUTE));
    assertTrue(on.pastAbsoluteLifetime(signedIn(false)));
    assertTrue(on.pastAbsoluteLifetime(signedIn(true)), "a remembered one too");
  }

  @Test
  void issueTime_isNeverBeforeTheSignIn_andForAPersistentOneIsTheSignIn() {
    SessionLifetimes on = signInOn();
    Instant written = SIGNED_IN.plus(Duration.ofHours(1));
    assertEquals(written, on.issuedAt(written.plus(IDLE), signedIn(false)));
    // Capped by the session's end: the expiration less the idle lifetime comes before the write.
    assertEquals(
        SIGNED_IN.plus(ABSOLUTE).minus(IDLE),
        on.issuedAt(SIGNED_IN.plus(ABSOLUTE), signedIn(false)));
    assertEquals(SIGNED_IN, on.issuedAt(SIGNED_IN.plus(REMEMBER), signedIn(true)));
    assertEquals(SIGNED_IN, on.issuedAt(SIGNED_IN.plus(Duration.ofMinutes(10)), signedIn(false)));
  }

  @Test
  void aSignInTimeThatIsNoWholeNumber_readsAsNoSignIn() {
    SessionLifetimes on = signInOn();
    ObjectNode foreign = TrackerJson.WIRE.createObjectNode().put("subject", "alice");
    foreign.putObject(SessionMetadata.KEY).put(SessionMetadata.SIGNED_IN_AT, "yesterday");
    assertFalse(on.signedIn(foreign));
    assertEquals(
        new SessionLifetimes.Bound(SIGNED_IN.plus(IDLE), CookieLifetime.CONFIGURED),
        on.forNewSeal(foreign),
        "bounded as a visitor's");
  }

  @Test
  void ironsLocalTimeOffset_movesTheBoundsOntoItsClock() {
    Duration offset = Duration.ofMinutes(3);
    SessionLifetimes on =
        lifetimes(
            TestConfigs.builder()
                .ironOptions(IronOptions.builder().localtimeOffset(offset).build())
                .slidingExpiry(IDLE)
                .signIn(SignInOptions.builder().absoluteLifetime(ABSOLUTE).build()));
    assertEquals(SIGNED_IN.plus(ABSOLUTE).plus(offset), on.forNewSeal(signedIn(true)).notAfter());
    assertEquals(SIGNED_IN.plus(IDLE).plus(offset), on.forNewSeal(signedIn(false)).notAfter());
  }
}
