package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.CrossSiteRefusal;
import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerTooLargeException;
import io.trackercookie.internal.cookie.CookieHeaderParser;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.Sealer;
import io.trackercookie.internal.seal.TrackerJson;
import io.trackercookie.iron.IronException;
import io.trackercookie.keys.PasswordWatcher;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the filters share for one application, assembled by {@link EngineFactory}: the cookie jar,
 * the sealer, the legacy reader, the reseal policy, the listeners and, with revocation on, the
 * revoker. Immutable and thread-safe. Its public methods are what the JAX-RS layer ({@code
 * internal.jaxrs}) needs of it.
 */
public final class TrackerEngine {

  private final TrackerConfig config;
  private final CookieJar jar;
  private final Sealer sealer;
  private final LegacyReader legacy; // null: legacy cookies are not read
  private final ResealPolicy reseal;
  private final ListenerFanout listeners;
  private final Revoker revoker; // null: revocation is off, and no request asks a store
  private final SessionLifetimes sessions;
  private final CsrfTokens csrfTokens;
  private final String subjectKey; // null: no tracker key names the subject
  private PasswordWatcher passwordWatcher; // null: the passwords never change

  TrackerEngine(
      TrackerConfig config,
      CookieJar jar,
      Sealer sealer,
      LegacyReader legacy,
      ResealPolicy reseal,
      ListenerFanout listeners,
      Revoker revoker,
      CsrfTokens csrfTokens) {
    this.config = config;
    this.jar = jar;
    this.sealer = sealer;
    this.legacy = legacy;
    this.reseal = reseal;
    this.listeners = listeners;
    this.revoker = revoker;
    this.sessions = new SessionLifetimes(config);
    this.csrfTokens = csrfTokens;
    // Revocation's subject key, or sign-in's: the signed-in subject binds the CSRF token.
    this.subjectKey =
        config
            .revocation()
            .flatMap(options -> options.subjectKey())
            .or(() -> config.signIn().map(options -> options.subjectKey()))
            .orElse(null);
  }

  public TrackerConfig config() {
    return config;
  }

  /** Watches the password files; set once, before the engine is shared. */
  TrackerEngine watching(PasswordWatcher watcher) {
    this.passwordWatcher = watcher;
    return this;
  }

  /** The watcher of the password files, if the passwords come from files; not yet started. */
  public Optional<PasswordWatcher> passwordWatcher() {
    return Optional.ofNullable(passwordWatcher);
  }

  /** The tracker cookie's name, as the Cookie header carries it. */
  public String cookieName() {
    return jar.name();
  }

  /**
   * A lazy tracker for a request with these Cookie header lines, converting values with {@code
   * values}; no crypto yet.
   */
  public RequestTracker newTracker(List<String> cookieHeaderLines, ValueConverter values) {
    return new RequestTracker(this, jar.find(cookieHeaderLines), values);
  }

  /** Finds the tracker's cookies in raw Cookie header lines; no crypto. */
  CookieJar.Found find(List<String> cookieHeaderLines) {
    return jar.find(cookieHeaderLines);
  }

  /**
   * The content of the tracker these Cookie header lines bring, opened now without telling the
   * listeners (a typed {@code @CookieParam} is a second look at the request's tracker, which
   * reports for itself), as the application sees it ({@link SessionMetadata} left out); null when
   * no cookie holds one. Shared with other requests: never modify it.
   */
  public ObjectNode peek(List<String> cookieHeaderLines) {
    ObjectNode content = open(jar.find(cookieHeaderLines), false).content();
    return content == null ? null : SessionMetadata.visible(content);
  }

  /**
   * What a request's cookies held, never to be modified (it may be shared with other requests);
   * {@code reseal} says whether the response must seal it again even if unchanged (an older
   * password made it, its sliding expiry is due, or it came from a legacy cookie, which the
   * response then deletes) and how long the new seal may live. {@code content} is null when no
   * cookie held a tracker.
   */
  record OpenedCookies(
      ObjectNode content, ResealPolicy.Reseal reseal, Revoker.Target revocable, boolean unchecked) {
    static final OpenedCookies NOTHING = new OpenedCookies(null, ResealPolicy.Reseal.NONE);

    OpenedCookies(ObjectNode content, ResealPolicy.Reseal reseal) {
      this(content, reseal, null, false);
    }
  }

  // Revocation: revocable is what revoke() records for the seal that opened (null without
  // revocation or a seal); unchecked when fail-closed refused a cookie the store could not check,
  // so the response leaves the browser's cookie alone.

  /** The application's Revocations; null when revocation is off. */
  public io.trackercookie.Revocations revocations() {
    return revoker;
  }

  /** Records a seal as revoked; false if the store could not. */
  boolean revoke(Revoker.Target target) {
    return revoker.revoke(target);
  }

  /**
   * Whether a reseal the application did not ask for may go ahead: always without revocation or a
   * checked seal; otherwise only if the seal is still not revoked ({@link Revoker#stillValid}).
   */
  boolean mayReseal(OpenedCookies opened) {
    return revoker == null
        || opened == null
        || opened.revocable() == null
        || revoker.stillValid(opened.revocable());
  }

  /** The CSRF tokens of this application's sessions. */
  CsrfTokens csrfTokens() {
    return csrfTokens;
  }

  /** The tracker key that holds a session's subject; null when none is configured. */
  String subjectKey() {
    return subjectKey;
  }

  /** Whether revocation is on. */
  boolean revocationOn() {
    return revoker != null;
  }

  /** Whether this engine's revocations are {@code revocations}. */
  boolean revokesWith(Revoker revocations) {
    return revoker != null && revoker == revocations;
  }

  /**
   * The date of the seals a request writes, read as its tracker opens, before any store is asked
   * ({@link Revoker#dateNow}); null when no log-out-everywhere can revoke them.
   */
  Instant dateNow() {
    return revoker == null ? null : revoker.dateNow();
  }

  /** The newest log-out epoch this node recorded ({@link Revoker#newestEpoch}). */
  long newestEpoch() {
    return revoker == null ? Long.MIN_VALUE : revoker.newestEpoch();
  }

  /**
   * Whether a tracker dated then, now holding this content, was ended by a log-out everywhere of
   * its subject: asks the store only when this node recorded one at or after the date, which a
   * request's own {@code revokeAllFor} does.
   */
  boolean loggedOutSince(ObjectNode content, Instant datedAt) {
    return datedAt != null
        && revoker.newestEpoch() >= datedAt.toEpochMilli()
        && revoker.loggedOutSince(content, datedAt);
  }

  /**
   * The latest expiration of a seal written by a request dated then: {@code notAfter}, or earlier
   * so that the seal reads as issued at that date.
   */
  private Instant sealBound(Instant notAfter, Instant datedAt, ObjectNode content) {
    if (datedAt == null) {
      return notAfter;
    }
    return earlier(notAfter, sessions.latestExpiration(datedAt, content));
  }

  /**
   * Opens the tracker: the candidates in order, the first that unseals into a tracker wins; if none
   * does, the legacy cookie. Each refused one is logged with its reason only and, if {@code
   * report}, told to the listeners, as is the password id of the one that opened.
   */
  OpenedCookies open(CookieJar.Found found, boolean report) {
    return open(found, report, null);
  }

  /**
   * As {@link #open(CookieJar.Found, boolean)}, adding the reason of each refused cookie to {@code
   * rejected} (for diagnostics) unless it is null.
   */
  OpenedCookies open(CookieJar.Found found, boolean report, List<RejectionReason> rejected) {
    Revoker.Target unchecked = null; // the first seal the store could not check
    for (CookieHeaderParser.Candidate candidate : found.candidates()) {
      RejectionReason reason = candidate.rejection();
      if (reason == null) {
        try {
          Sealer.OpenedSeal opened = sealer.open(candidate.value());
          if (sessions.pastAbsoluteLifetime(opened.content())) {
            // Its session is over: only the clock skew, or a shortened lifetime, let it open.
            reason = RejectionReason.SIGN_IN_EXPIRED;
          } else {
            ResealPolicy.Reseal resealing =
                reseal.decide(opened.unsealed(), sessions.forNewSeal(opened.content()).notAfter());
            if (revoker == null) {
              if (report) {
                listeners.opened(opened.unsealed().passwordId());
              }
              return new OpenedCookies(opened.content(), resealing);
            }
            Revoker.Checked checked =
                revoker.check(candidate.value(), opened.unsealed(), opened.content());
            switch (checked.verdict()) {
              case ACCEPTED, UNCHECKED -> {
                if (checked.verdict() == Revoker.Verdict.UNCHECKED && report) {
                  listeners.revocationUnchecked();
                }
                if (report) {
                  listeners.opened(opened.unsealed().passwordId());
                }
                return new OpenedCookies(opened.content(), resealing, checked.target(), false);
              }
              case REVOKED -> reason = RejectionReason.REVOKED;
              case UNAVAILABLE -> {
                reason = RejectionReason.STORE_UNAVAILABLE;
                unchecked = unchecked != null ? unchecked : checked.target();
              }
            }
          }
        } catch (IronException e) {
          reason = RejectionReasons.of(e.reason());
        } catch (TrackerJson.Rejected e) {
          reason = e.reason();
        } catch (RuntimeException e) {
          // Whatever a codec behind the seam throws, a cookie never makes a 500.
          reason = RejectionReason.MALFORMED;
        }
      }
      listeners.rejected(jar.name(), reason, report);
      if (rejected != null) {
        rejected.add(reason);
      }
    }
    if (unchecked != null) {
      // Neither a legacy upgrade nor anything else may replace a cookie that was not checked.
      return new OpenedCookies(null, ResealPolicy.Reseal.NONE, unchecked, true);
    }
    if (legacy != null && !found.legacy().isEmpty()) {
      LegacyReader.OpenedLegacyCookie opened = legacy.open(found.legacy(), report, rejected);
      if (opened != null) {
        return revoker == null
            ? new OpenedCookies(opened.content(), reseal.forLegacy(opened.expiration()))
            : checkedLegacy(opened, report, rejected);
      }
    }
    return OpenedCookies.NOTHING;
  }

  /**
   * A legacy cookie that opened, once the revocation store has been asked: the upgrade would seal
   * its content afresh, so a revoked one must be refused here or it would come back.
   */
  private OpenedCookies checkedLegacy(
      LegacyReader.OpenedLegacyCookie opened, boolean report, List<RejectionReason> rejected) {
    Revoker.Checked checked =
        revoker.checkLegacy(opened.hmac(), opened.written(), opened.expiration(), opened.content());
    RejectionReason reason;
    switch (checked.verdict()) {
      case ACCEPTED, UNCHECKED -> {
        if (checked.verdict() == Revoker.Verdict.UNCHECKED && report) {
          listeners.revocationUnchecked();
        }
        return new OpenedCookies(
            opened.content(), reseal.forLegacy(opened.expiration()), checked.target(), false);
      }
      case REVOKED -> reason = RejectionReason.REVOKED;
      default -> reason = RejectionReason.STORE_UNAVAILABLE;
    }
    listeners.rejected(config.legacy().cookieName(), reason, report);
    if (rejected != null) {
      rejected.add(reason);
    }
    return reason == RejectionReason.REVOKED
        ? OpenedCookies.NOTHING
        : new OpenedCookies(null, ResealPolicy.Reseal.NONE, checked.target(), true);
  }

  /** Whether a response should open a cookie nobody read, to reseal it; no crypto. */
  boolean mayNeedReseal(CookieJar.Found found) {
    return reseal.mayBeDue(found);
  }

  /**
   * The text a seal of this content holds, once checked to fit the cookie limits and the
   * Cookie-header budget; exact, and without crypto.
   *
   * @throws TrackerTooLargeException naming the size, the limit and the largest keys
   */
  String checkedPlaintext(ObjectNode content) {
    String plaintext = sealer.plaintext(content);
    int sealLength = sealer.sealedLength(plaintext);
    int excess = jar.excessBytes(sealLength);
    if (excess > 0) {
      throw new TrackerTooLargeException(
          excess, jar.limitBytes(), TrackerJson.largestKeys(content));
    }
    // Past the budget, every later request's head may be refused by the server before the
    // application can run, so the visitor could never be given a smaller cookie.
    int headerBytes = jar.cookieHeaderBytes(sealLength);
    if (headerBytes > config.cookieBudget().maxCookieHeaderBytes()) {
      throw new TrackerTooLargeException(
          headerBytes,
          config.cookieBudget().maxCookieHeaderBytes(),
          TrackerJson.largestKeys(content));
    }
    return plaintext;
  }

  /** The text a seal of this content holds. */
  String plaintext(ObjectNode content) {
    return sealer.plaintext(content);
  }

  /**
   * Seals the content's text into Set-Cookie lines, with the deletions of the cookies it replaces.
   * The content is shared from here on (read only). The seal expires a ttl from now, or no later
   * than {@code notAfter} when that is set (a reseal keeping the original's expiration), and, for a
   * request dated at {@code datedAt} (null: not dated), no later than a ttl from that date.
   *
   * @throws TrackerTooLargeException if the seal does not fit after all (a guard: checked before)
   */
  List<String> sealLines(
      String plaintext,
      ObjectNode content,
      Instant notAfter,
      Instant datedAt,
      CookieJar.Found found,
      boolean secure) {
    SessionLifetimes.Bound bound = sessions.forNewSeal(content);
    Instant expiresBy = earlier(sealBound(notAfter, datedAt, content), bound.notAfter());
    String seal = sealer.seal(plaintext, content, expiresBy);
    // Only a bounded seal (a reseal keeping its expiration, a session's) can end before Max-Age.
    CookieJar.SealLines lines = jar.sealLines(seal, expiresBy, bound.cookie(), found, secure);
    if (lines == null) {
      throw new TrackerTooLargeException(
          jar.excessBytes(seal.length()), jar.limitBytes(), TrackerJson.largestKeys(content));
    }
    listeners.sealed(lines.sealBytes());
    return lines.lines();
  }

  /**
   * As {@link #sealLines}, for a reseal the application did not ask for (a newer password, another
   * format's id, a legacy upgrade): none when the new seal would pass the cookie limit or the
   * Cookie-header budget, which a longer password id or a legacy cookie's content can make it do.
   * The visitor then keeps the cookie it has, and the response stays the application's.
   */
  List<String> resealLines(
      String plaintext,
      ObjectNode content,
      Instant notAfter,
      Instant datedAt,
      CookieJar.Found found,
      boolean secure) {
    SessionLifetimes.Bound bound = sessions.forNewSeal(content);
    Instant expiresBy = earlier(sealBound(notAfter, datedAt, content), bound.notAfter());
    String seal = sealer.seal(plaintext, content, expiresBy);
    if (jar.excessBytes(seal.length()) > 0
        || jar.cookieHeaderBytes(seal.length()) > config.cookieBudget().maxCookieHeaderBytes()) {
      return List.of();
    }
    CookieJar.SealLines lines = jar.sealLines(seal, expiresBy, bound.cookie(), found, secure);
    if (lines == null) {
      return List.of();
    }
    listeners.sealed(lines.sealBytes());
    return lines.lines();
  }

  /** The earlier of two bounds; null stands for none. */
  private static Instant earlier(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }

  /** Signed-in sessions: their lifetimes, and what a tracker's content says of its sign-in. */
  SessionLifetimes sessions() {
    return sessions;
  }

  /** The lines that delete the tracker's cookies. */
  List<String> deleteLines(CookieJar.Found found, boolean secure) {
    return jar.deleteLines(found, secure);
  }

  /** Tells the listeners that the cross-site protection refused a request. */
  public void requestRefused(CrossSiteRefusal reason) {
    listeners.requestRefused(reason);
  }

  /** Whether responses name the reasons of refused cookies ({@link TrackerConfig#diagnostics}). */
  public boolean diagnostics() {
    return config.diagnostics();
  }

  /** Whether this request's cookies carry Secure. */
  public boolean secureFor(URI requestUri) {
    return jar.secureFor(requestUri);
  }
}
