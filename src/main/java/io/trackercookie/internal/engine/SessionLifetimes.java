package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.SignInOptions;
import io.trackercookie.TrackerConfig;
import io.trackercookie.internal.cookie.CookieLifetime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a seal may live and which cookie carries it, decided from the session its content holds
 * ({@link SessionMetadata}). Pure decisions over the config and a clock; thread-safe.
 *
 * <ul>
 *   <li>Not signed in: the lifetimes' own ({@link io.trackercookie.Lifetimes#sealTtl}, the idle
 *       lifetime) from each write, and the configured cookie.
 *   <li>Signed in with a session cookie: the idle lifetime from each write, never past sign-in plus
 *       the absolute lifetime; a cookie without Max-Age.
 *   <li>Signed in with a persistent cookie: sign-in plus {@link SignInOptions#rememberFor()}, the
 *       same for every seal of the session; a cookie that ends with the seal.
 * </ul>
 *
 * <p>iron's ttl is the longest of these ({@link TrackerConfig#sealTtl()}), and each seal is given
 * its own as a bound of its expiration ({@code IronCodec.seal(text, notAfter)}), so no write,
 * reseal or reissue takes a seal past its session's end. Expirations are on iron's clock (the clock
 * plus its local-time offset); sign-in times on the clock.
 */
final class SessionLifetimes {

  /** The latest expiration a new seal of some content may get, and the cookie that carries it. */
  record Bound(Instant notAfter, CookieLifetime cookie) {}

  private static final Bound UNBOUNDED = new Bound(null, CookieLifetime.CONFIGURED);

  private final SignInOptions signIn; // null: sign-in is off
  private final Duration idleLifetime; // a seal's life from each write when not remembered
  private final Duration sealTtl; // iron's: the longest
  private final Clock clock;
  private final Duration localtimeOffset;

  SessionLifetimes(TrackerConfig config) {
    this.signIn = config.signIn().orElse(null);
    this.idleLifetime = config.lifetimes().sealTtl(config.payloadFormat(), config.cookie());
    this.sealTtl = config.sealTtl();
    this.clock = config.clock();
    this.localtimeOffset = config.ironOptions().localtimeOffset();
  }

  /** Whether sign-in is on. */
  boolean signInOn() {
    return signIn != null;
  }

  /** The sign-in options; throws if sign-in is off. */
  SignInOptions signInOptions() {
    if (signIn == null) {
      throw new IllegalStateException(
          "Signing in needs sign-in on: TrackerConfig.Builder.signIn (or signedInSessions()),"
              + " or a tracker.signIn.* setting");
    }
    return signIn;
  }

  /** Now, on the configured clock. */
  Instant now() {
    return clock.instant();
  }

  /** A sign-in's time and cookie, when the content holds one and sign-in is on. */
  private record SignIn(Instant at, boolean persistent) {}

  private SignIn signInOf(ObjectNode content) {
    if (signIn == null || content == null) {
      return null;
    }
    SessionMetadata metadata = SessionMetadata.in(content);
    Optional<Instant> at = metadata.signedInAt();
    return at.map(instant -> new SignIn(instant, metadata.persistent())).orElse(null);
  }

  /**
   * The latest expiration a new seal of this content may get (null: iron's ttl from now) and its
   * cookie: what every write, reseal and reissue of it is bounded by.
   */
  Bound forNewSeal(ObjectNode content) {
    SignIn session = signInOf(content);
    if (session == null) {
      return idleLifetime.compareTo(sealTtl) < 0
          ? new Bound(sealNow().plus(idleLifetime), CookieLifetime.CONFIGURED)
          : UNBOUNDED;
    }
    if (session.persistent()) {
      return new Bound(
          onSealClock(session.at().plus(signIn.rememberFor())), CookieLifetime.UNTIL_SEAL_EXPIRES);
    }
    Instant idleEnd = sealNow().plus(idleLifetime);
    Instant sessionEnd = onSealClock(session.at().plus(signIn.absoluteLifetime()));
    return new Bound(idleEnd.isBefore(sessionEnd) ? idleEnd : sessionEnd, CookieLifetime.SESSION);
  }

  /**
   * Whether this content's session has outlived the absolute lifetime: a seal that still opens
   * (inside iron's clock skew, or after the lifetime was shortened) is refused.
   */
  boolean pastAbsoluteLifetime(ObjectNode content) {
    SignIn session = signInOf(content);
    return session != null && !now().isBefore(session.at().plus(signIn.absoluteLifetime()));
  }

  /**
   * Whether the content is signed in: a sign-in time, and a subject (a JSON string or integer)
   * under the subject key.
   */
  boolean signedIn(ObjectNode content) {
    return signInOf(content) != null && subjectOf(content) != null;
  }

  /** The subject's text, or null; a number as its JSON text. */
  String subjectOf(ObjectNode content) {
    if (signIn == null) {
      return null;
    }
    JsonNode value = content.get(signIn.subjectKey());
    return value != null && (value.isTextual() || value.isIntegralNumber()) ? value.asText() : null;
  }

  /**
   * The earliest a seal expiring then may have been issued, for revocation's comparisons: its
   * expiration less the lifetime it was given, and never before its sign-in. A persistent sign-in's
   * seals all expire together, so for them it is the sign-in time. With sign-in off, the expiration
   * less iron's ttl.
   */
  Instant issuedAt(Instant expiration, ObjectNode content) {
    SignIn session = signInOf(content);
    if (session != null && session.persistent()) {
      return session.at();
    }
    Instant issued = expiration.minus(idleLifetime).minus(localtimeOffset);
    return session != null && session.at().isAfter(issued) ? session.at() : issued;
  }

  /**
   * The latest expiration a seal of this content, written by a request dated then, may carry so
   * that it reads as issued no later than that date ({@link #issuedAt}); null when its issue time
   * is its sign-in's whatever its expiration (a persistent sign-in), which no cap would change.
   */
  Instant latestExpiration(Instant datedAt, ObjectNode content) {
    SignIn session = signInOf(content);
    if (session != null && session.persistent()) {
      return null;
    }
    return datedAt.plus(localtimeOffset).plus(idleLifetime);
  }

  private Instant sealNow() {
    return clock.instant().plus(localtimeOffset);
  }

  private Instant onSealClock(Instant instant) {
    return instant.plus(localtimeOffset);
  }
}
