package io.trackercookie.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerTooLargeException;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Unsealed;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the filters share for one application: the config, the codec, the Set-Cookie writer.
 * Immutable and thread-safe. Public only so {@link TrackerSupport} can be used by the feature.
 */
public final class TrackerRuntime {

  /** Browsers keep a cookie's name, value and attributes up to this many bytes. */
  public static final int MAX_SET_COOKIE_BYTES = 4096;

  static final Logger LOG = Logger.getLogger("io.trackercookie");

  private final TrackerConfig config;
  private final SealCodec codec;
  private final SetCookieWriter writer;
  private final int secureLengthWithoutValue;

  public TrackerRuntime(TrackerConfig config) {
    this(config, codecFor(config));
  }

  /** Iron behind the seam, with the verified-seal cache unless the config turned it off. */
  private static SealCodec codecFor(TrackerConfig config) {
    if (config.sealCacheMaxEntries() == 0) {
      return SealCodec.iron(config.codec());
    }
    return new IronSealCodec(config.codec(), false, VerifiedSealCache.create(
        config.codec().options(), config.sealCacheMaxEntries(), config.sealCacheMaxBytes()));
  }

  /** With another codec behind the seam (tests count calls through it). */
  public TrackerRuntime(TrackerConfig config, SealCodec codec) {
    this.config = config;
    this.codec = codec;
    this.writer = new SetCookieWriter(config.cookie(), config.clock());
    // Predictions assume Secure, the longer form, so a loopback request never passes a check
    // that a production request would fail.
    this.secureLengthWithoutValue = writer.lengthWithoutValue(true);
  }

  public TrackerConfig config() {
    return config;
  }

  String cookieName() {
    return config.cookie().cookieName();
  }

  /**
   * What a request's cookie held; {@code reseal} when the response must seal it again even if
   * unchanged (an older password made it, or its sliding expiry is due).
   */
  record Opened(ObjectNode content, boolean reseal) {
    static final Opened NOTHING = new Opened(null, false);
  }

  /**
   * Opens the candidates in order; the first that unseals into a tracker wins. Each rejected one
   * is logged at FINE with its reason only and, if {@code report}, told to the listeners.
   */
  Opened open(List<CookieHeaderParser.Candidate> candidates, boolean report) {
    for (CookieHeaderParser.Candidate candidate : candidates) {
      RejectionReason reason = candidate.rejection();
      if (reason == null) {
        try {
          Unsealed unsealed = codec.open(candidate.value());
          ObjectNode content = TrackerJson.parsePayload(unsealed.text());
          // No re-serialization here: a request that only reads never needs the JSON text.
          return new Opened(content, needsReseal(unsealed));
        } catch (IronException e) {
          reason = reasonFor(e.reason());
        } catch (TrackerJson.Rejected e) {
          reason = e.reason;
        } catch (RuntimeException e) {
          // Whatever a codec behind the seam throws, a cookie never makes a 500.
          reason = RejectionReason.MALFORMED;
        }
      }
      rejected(reason, report);
    }
    return Opened.NOTHING;
  }

  /** Whether a valid seal must be sealed again on this response, though its content is unchanged. */
  boolean needsReseal(Unsealed unsealed) {
    return !unsealed.sealedWithCurrentPassword();
  }

  /**
   * Whether the response should open a cookie nobody read, to reseal it: decided from what the
   * first candidate's seal says about itself, without crypto (the opening then verifies it).
   */
  boolean mayNeedReseal(List<CookieHeaderParser.Candidate> candidates) {
    if (candidates.isEmpty() || candidates.get(0).rejection() != null) {
      return false;
    }
    SealParts parts;
    try {
      parts = SealParts.parse(IronSealCodec.withoutIronSessionSuffix(candidates.get(0).value()));
    } catch (RuntimeException e) {
      return false; // not a seal: nothing to reseal, and nobody asked for the tracker
    }
    return !config.codec().passwords().isCurrent(parts.passwordId());
  }

  private void rejected(RejectionReason reason, boolean report) {
    // The reason only: never the value, the plaintext or a secret.
    LOG.log(Level.FINE, "Tracker cookie {0} rejected: {1}", new Object[] {cookieName(), reason});
    if (report) {
      for (TrackerListener listener : config.listeners()) {
        try {
          listener.cookieRejected(reason);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
        }
      }
    }
  }

  static RejectionReason reasonFor(IronException.Reason reason) {
    switch (reason) {
      case SEAL_TOO_LONG:
        return RejectionReason.OVERSIZE;
      case EXPIRED:
        return RejectionReason.EXPIRED;
      case UNKNOWN_PASSWORD_ID:
        return RejectionReason.UNKNOWN_PASSWORD_ID;
      case BAD_MAC:
        return RejectionReason.BAD_MAC;
      case DECRYPTION_FAILED:
      case INVALID_UTF8:
        return RejectionReason.UNDECRYPTABLE;
      default:
        return RejectionReason.MALFORMED;
    }
  }

  /**
   * Throws if the content's Set-Cookie would pass the limit; exact, and without crypto.
   *
   * @throws TrackerTooLargeException naming the size, the limit and the largest keys
   */
  void checkSize(ObjectNode content) {
    String plaintext = TrackerJson.plaintext(TrackerJson.objectJson(content), config.payloadFormat());
    int bytes = secureLengthWithoutValue + codec.sealedLength(TrackerJson.utf8Length(plaintext));
    if (bytes > MAX_SET_COOKIE_BYTES) {
      throw new TrackerTooLargeException(bytes, MAX_SET_COOKIE_BYTES, TrackerJson.largestKeys(content));
    }
  }

  /** The Set-Cookie line for new content; checked against the limit again as a guard. */
  String sealedCookie(ObjectNode content, String json, boolean secure) {
    String line = writer.write(codec.seal(TrackerJson.plaintext(json, config.payloadFormat())), secure);
    if (line.length() > MAX_SET_COOKIE_BYTES) {
      throw new TrackerTooLargeException(line.length(), MAX_SET_COOKIE_BYTES, TrackerJson.largestKeys(content));
    }
    for (TrackerListener listener : config.listeners()) {
      try {
        listener.cookieSealed(line.length());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
      }
    }
    return line;
  }

  String deletingCookie(boolean secure) {
    return writer.delete(secure);
  }

  /**
   * Whether this request's cookie carries Secure: always, if configured, except with the
   * development switch on a plain-http request to a loopback host.
   */
  boolean secureFor(URI requestUri) {
    if (!config.cookie().secure()) {
      return false;
    }
    if (!config.insecureLoopbackForDevelopment() || requestUri == null) {
      return true;
    }
    return !("http".equalsIgnoreCase(requestUri.getScheme()) && isLoopback(requestUri.getHost()));
  }

  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1") || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
