package io.trackercookie.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.PayloadFormat;
import io.trackercookie.RejectionReason;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.TrackerTooLargeException;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Unsealed;
import io.trackercookie.legacy.LegacyCookieException;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  /** One decoder instance: the seal cache keeps a payload only for the decoder that made it. */
  private static final SealCodec.PayloadDecoder<ObjectNode> TRACKER_OBJECT = TrackerJson::parsePayload;

  private final TrackerConfig config;
  private final SealCodec codec;
  private final SetCookieWriter writer;
  private final int secureLengthWithoutValue;
  private final List<SetCookieWriter> chunkWriters; // empty when chunking is off
  private final int chunkValueBytes; // the value room in each chunk's Set-Cookie line

  public TrackerRuntime(TrackerConfig config) {
    this(config, codecFor(config));
  }

  /** Iron behind the seam, with the verified-seal cache unless the config turned it off. */
  private static SealCodec codecFor(TrackerConfig config) {
    boolean ironSession = config.payloadFormat() == PayloadFormat.IRON_SESSION;
    if (config.sealCacheMaxEntries() == 0) {
      return SealCodec.iron(config.codec(), ironSession);
    }
    return new IronSealCodec(config.codec(), ironSession, VerifiedSealCache.create(
        config.codec().options(), config.sealCacheMaxEntries(), config.sealCacheMaxBytes()));
  }

  /** With another codec behind the seam (tests count calls through it). */
  public TrackerRuntime(TrackerConfig config, SealCodec codec) {
    this.config = config;
    this.codec = codec;
    this.writer = new SetCookieWriter(config.cookie(), config.cookie().cookieName(),
        config.cookieMaxAge(), config.clock());
    // Predictions assume Secure, the longer form, so a loopback request never passes a check
    // that a production request would fail.
    this.secureLengthWithoutValue = writer.lengthWithoutValue(true);
    List<SetCookieWriter> chunks = new ArrayList<>();
    for (int i = 0; i < config.maxChunks(); i++) {
      chunks.add(new SetCookieWriter(config.cookie(), chunkName(i), config.cookieMaxAge(), config.clock()));
    }
    this.chunkWriters = List.copyOf(chunks);
    // The last chunk has the longest name, so its room holds for every chunk.
    this.chunkValueBytes = chunks.isEmpty() ? 0
        : MAX_SET_COOKIE_BYTES - chunks.get(chunks.size() - 1).lengthWithoutValue(true);
  }

  private String chunkName(int index) {
    return config.cookie().cookieName() + "." + index;
  }

  public TrackerConfig config() {
    return config;
  }

  String cookieName() {
    return config.cookie().cookieName();
  }

  /**
   * The request's cookies that concern the tracker. {@code candidates}: the tracker cookie's
   * values, then the chunks reassembled; {@code chunkIndexes}: which {@code name.i} chunks the
   * browser holds (stale ones are deleted); {@code legacy}: the legacy cookie's values.
   */
  record Found(List<CookieHeaderParser.Candidate> candidates, List<Integer> chunkIndexes,
      List<CookieHeaderParser.Candidate> legacy) {
    static final Found NONE = new Found(List.of(), List.of(), List.of());

    boolean any() {
      return !candidates.isEmpty() || !chunkIndexes.isEmpty();
    }
  }

  /** Finds the tracker's cookies in raw Cookie header lines; no crypto. */
  Found find(List<String> headerLines) {
    if (headerLines == null || headerLines.isEmpty()) {
      return Found.NONE;
    }
    List<CookieHeaderParser.Candidate> candidates =
        new ArrayList<>(CookieHeaderParser.find(headerLines, cookieName()));
    List<Integer> chunkIndexes = List.of();
    if (!chunkWriters.isEmpty()) {
      chunkIndexes = new ArrayList<>();
      StringBuilder assembled = new StringBuilder();
      boolean contiguous = true;
      // Past maxChunks too, so chunks left by a larger setting are deleted.
      for (int i = 0; i < TrackerConfig.MAX_MAX_CHUNKS; i++) {
        List<CookieHeaderParser.Candidate> chunk = CookieHeaderParser.find(headerLines, chunkName(i));
        if (chunk.isEmpty()) {
          contiguous = false;
          continue;
        }
        chunkIndexes.add(i);
        CookieHeaderParser.Candidate first = chunk.get(0);
        if (contiguous && first.rejection() == null && i < chunkWriters.size()) {
          assembled.append(first.value());
        } else {
          contiguous = false;
        }
      }
      if (assembled.length() > 0) {
        // A missing, stale or foreign chunk breaks the seal's MAC, so opening checks consistency.
        candidates.add(new CookieHeaderParser.Candidate(assembled.toString(), null));
      }
    }
    List<CookieHeaderParser.Candidate> legacy = config.legacyDecoder().isPresent()
        ? CookieHeaderParser.find(headerLines, config.legacyCookieName()) : List.of();
    return new Found(List.copyOf(candidates), List.copyOf(chunkIndexes), legacy);
  }

  /**
   * What a request's cookie held, never to be modified (it may be shared with other requests);
   * {@code reseal} when the response must seal it again even if
   * unchanged (an older password made it, its sliding expiry is due, or it came from a legacy
   * cookie, which the response then deletes).
   */
  record Opened(ObjectNode content, boolean reseal) {
    static final Opened NOTHING = new Opened(null, false);
  }

  /**
   * Opens the tracker: the candidates in order, the first that unseals into a tracker wins; if
   * none does, the legacy cookie. Each rejected one is logged at FINE with its reason only and,
   * if {@code report}, told to the listeners.
   */
  Opened open(Found found, boolean report) {
    Opened opened = open(found.candidates(), report);
    if (opened.content() != null || found.legacy().isEmpty()) {
      return opened;
    }
    LegacySessionDecoder legacy = config.legacyDecoder().orElseThrow();
    for (CookieHeaderParser.Candidate candidate : found.legacy()) {
      if (candidate.rejection() != null) {
        continue;
      }
      try {
        ObjectNode content = TrackerJson.parsePayload(legacy.decode(unescape(candidate.value())));
        return new Opened(content, true);
      } catch (LegacyCookieException e) {
        LOG.log(Level.FINE, "Legacy cookie {0} rejected: {1}",
            new Object[] {config.legacyCookieName(), e.reason()});
      } catch (TrackerJson.Rejected | RuntimeException e) {
        LOG.log(Level.FINE, "Legacy cookie {0} rejected: not a tracker object", config.legacyCookieName());
      }
    }
    return opened;
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
          // The tree may be the one the seal cache keeps for every request with this cookie:
          // shared, so the tracker copies it before its first change.
          SealCodec.Decoded<ObjectNode> opened = codec.open(candidate.value(), TRACKER_OBJECT);
          return new Opened(opened.payload(), needsReseal(opened.unsealed()));
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
    return !unsealed.sealedWithCurrentPassword() || slidingDue(unsealed.expiration().orElse(null));
  }

  /**
   * With sliding expiry, whether a seal expiring then has used up its reissue share: a seal
   * without an expiration is due too, so it gets one.
   */
  private boolean slidingDue(Instant expiration) {
    Duration lifetime = config.slidingExpiry().orElse(null);
    if (lifetime == null) {
      return false;
    }
    if (expiration == null) {
      return true;
    }
    long keepMillis = (long) (lifetime.toMillis() * (1 - config.reissueAfter()));
    return !config.clock().instant().isBefore(expiration.minusMillis(keepMillis));
  }

  /**
   * Whether the response should open a cookie nobody read, to reseal it: decided from what the
   * first candidate's seal says about itself, without crypto (the opening then verifies it).
   */
  boolean mayNeedReseal(Found found) {
    List<CookieHeaderParser.Candidate> candidates = found.candidates();
    if (candidates.isEmpty()) {
      return !found.legacy().isEmpty(); // a legacy visitor is upgraded on the first response
    }
    if (candidates.get(0).rejection() != null) {
      return false;
    }
    SealParts parts;
    Instant expiration = null;
    try {
      parts = SealParts.parse(IronSealCodec.withoutIronSessionSuffix(candidates.get(0).value()));
      if (!parts.expiration().isEmpty()) {
        expiration = Instant.ofEpochMilli(Long.parseLong(parts.expiration()));
      }
    } catch (RuntimeException e) {
      return false; // not a seal: nothing to reseal, and nobody asked for the tracker
    }
    return !config.codec().passwords().isCurrent(parts.passwordId()) || slidingDue(expiration);
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
   * @return the text a seal of this content holds, so that the response can seal it as it is
   * @throws TrackerTooLargeException naming the size, the limit and the largest keys
   */
  String checkSize(ObjectNode content) {
    String plaintext = plaintext(content);
    int sealed = codec.sealedLength(TrackerJson.utf8Length(plaintext));
    int bytes = secureLengthWithoutValue + sealed;
    if (bytes <= MAX_SET_COOKIE_BYTES) {
      return plaintext;
    }
    if (chunkWriters.isEmpty()) {
      throw new TrackerTooLargeException(bytes, MAX_SET_COOKIE_BYTES, TrackerJson.largestKeys(content));
    }
    int chunks = (sealed + chunkValueBytes - 1) / chunkValueBytes;
    if (chunks > chunkWriters.size()) {
      int chunkedBytes = sealed + chunks * (MAX_SET_COOKIE_BYTES - chunkValueBytes);
      throw new TrackerTooLargeException(chunkedBytes, chunkWriters.size() * MAX_SET_COOKIE_BYTES,
          TrackerJson.largestKeys(content));
    }
    return plaintext;
  }

  /** The text a seal of this content holds: its JSON, in the configured payload format. */
  String plaintext(ObjectNode content) {
    return TrackerJson.plaintext(content, config.payloadFormat());
  }

  /**
   * The Set-Cookie lines for new content: one cookie, or with chunking as many chunks as it
   * needs, and deletions of the cookies they replace (the unchunked cookie or stale chunks).
   * Checked against the limit again as a guard, whose error names the content's largest keys.
   * {@code plaintext} is the content's text; the content is shared from here on (read only).
   */
  List<String> sealedCookies(String plaintext, ObjectNode content, Found found, boolean secure) {
    // The browser's next request brings this seal back. The codec may keep the tree with the seal
    // and, if that request comes while it does, hand it out instead of parsing the text, once
    // checked to be exactly what parsing gives (on that request, so a seal that never comes back
    // costs no check).
    String sealed = codec.seal(plaintext, TRACKER_OBJECT,
        () -> TrackerJson.readsBackAsItself(content) ? content : null);
    List<String> lines = new ArrayList<>(2);
    String line = writer.write(sealed, secure);
    int written;
    if (line.length() <= MAX_SET_COOKIE_BYTES) {
      lines.add(line);
      written = 0;
      sealed(line.length());
    } else {
      int chunks = chunkWriters.isEmpty() ? Integer.MAX_VALUE
          : (sealed.length() + chunkValueBytes - 1) / chunkValueBytes;
      if (chunks > chunkWriters.size()) {
        throw new TrackerTooLargeException(line.length(),
            Math.max(1, chunkWriters.size()) * MAX_SET_COOKIE_BYTES, TrackerJson.largestKeys(content));
      }
      int total = 0;
      for (int i = 0; i < chunks; i++) {
        String part = sealed.substring(i * chunkValueBytes, Math.min(sealed.length(), (i + 1) * chunkValueBytes));
        String chunkLine = chunkWriters.get(i).write(part, secure);
        lines.add(chunkLine);
        total += chunkLine.length();
      }
      written = chunks;
      if (!found.candidates().isEmpty()) {
        lines.add(writer.delete(secure)); // the unchunked cookie would be read first
      }
      sealed(total);
    }
    for (int index : found.chunkIndexes()) {
      if (index >= written) {
        lines.add(chunkDelete(index, secure));
      }
    }
    if (found.legacy().size() > 0) {
      lines.add(legacyDelete());
    }
    return lines;
  }

  private void sealed(int setCookieBytes) {
    for (TrackerListener listener : config.listeners()) {
      try {
        listener.cookieSealed(setCookieBytes);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A TrackerListener threw " + e.getClass().getName());
      }
    }
  }

  /** The lines that delete the tracker: its cookie, every chunk the browser holds, the legacy cookie. */
  List<String> deletingCookies(Found found, boolean secure) {
    List<String> lines = new ArrayList<>(1);
    lines.add(writer.delete(secure));
    for (int index : found.chunkIndexes()) {
      lines.add(chunkDelete(index, secure));
    }
    if (!found.legacy().isEmpty()) {
      lines.add(legacyDelete());
    }
    return lines;
  }

  private String chunkDelete(int index, boolean secure) {
    return index < chunkWriters.size() ? chunkWriters.get(index).delete(secure)
        : new SetCookieWriter(config.cookie(), chunkName(index), config.cookieMaxAge(), config.clock())
            .delete(secure);
  }

  /**
   * JavaScript's {@code unescape} for {@code %XX}, which cookie-sessions runs on the value before
   * reading it (browsers and clients may send the hex digits escaped); anything else is kept.
   */
  static String unescape(String value) {
    if (value.indexOf('%') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '%' && i + 2 < value.length()
          && Character.digit(value.charAt(i + 1), 16) >= 0 && value.charAt(i + 1) < 0x80
          && Character.digit(value.charAt(i + 2), 16) >= 0 && value.charAt(i + 2) < 0x80) {
        out.append((char) Integer.parseInt(value.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** cookie-sessions writes its cookie with {@code path=/} and no domain; deleted the same way. */
  private String legacyDelete() {
    return config.legacyCookieName() + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
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
