package io.trackercookie.internal.cookie;

import io.trackercookie.CookieBudget;
import io.trackercookie.CookieSettings;
import io.trackercookie.TrackerConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tracker's cookies on the wire: finds the tracker cookie, its chunks and the legacy cookie in
 * the raw Cookie header, and writes every Set-Cookie line, deletions included. Knows names,
 * attributes and the 4096-byte limit; nothing of seals or JSON. Thread-safe.
 */
public final class CookieJar {

  /** Browsers keep a cookie's name, value and attributes up to this many bytes. */
  public static final int MAX_SET_COOKIE_BYTES = CookieBudget.MAX_COOKIE_BYTES;

  private final CookieSettings settings;
  private final boolean insecureLoopbackForDevelopment;
  private final String name;
  private final SetCookieWriter writer;
  private final List<SetCookieWriter> chunkWriters; // empty when chunking is off
  private final int chunkValueBytes; // the value room in each chunk's Set-Cookie line
  private final int lengthWithoutValue;
  private final String legacyName; // null: legacy cookies are not read
  private final Duration maxAge;
  private final Clock clock;
  private final Duration sealClockOffset; // iron's local-time offset: expirations are on clock + it
  private final Duration longestMaxAge; // null: the configured Max-Age is the longest written

  public CookieJar(TrackerConfig config, boolean readsLegacy) {
    this.settings = config.cookie();
    this.insecureLoopbackForDevelopment = config.insecureLoopbackForDevelopment();
    this.name = settings.cookieName();
    this.maxAge = config.cookieMaxAge();
    this.clock = config.clock();
    this.sealClockOffset = config.ironOptions().localtimeOffset();
    this.writer = new SetCookieWriter(settings, name, maxAge, clock, sealClockOffset);
    // Predictions assume Secure, the longer form, so a loopback request never passes a check
    // that a production request would fail.
    // A remembered sign-in's cookie may carry a longer Max-Age than the configured one.
    this.longestMaxAge = config.signIn().isPresent() ? config.sealTtl() : null;
    this.lengthWithoutValue = lengthWithoutValue(writer);
    List<SetCookieWriter> chunks = new ArrayList<>();
    for (int i = 0; i < config.cookieBudget().maxChunks(); i++) {
      chunks.add(new SetCookieWriter(settings, chunkName(i), maxAge, clock, sealClockOffset));
    }
    this.chunkWriters = List.copyOf(chunks);
    // The last chunk has the longest name, so its room holds for every chunk.
    this.chunkValueBytes =
        chunks.isEmpty()
            ? 0
            : MAX_SET_COOKIE_BYTES - lengthWithoutValue(chunks.get(chunks.size() - 1));
    this.legacyName = readsLegacy ? config.legacy().cookieName() : null;
  }

  public String name() {
    return name;
  }

  /** A Set-Cookie line's length less its value's, with Secure and the longest Max-Age written. */
  private int lengthWithoutValue(SetCookieWriter cookie) {
    return longestMaxAge == null
        ? cookie.lengthWithoutValue(true)
        : cookie.lengthWithoutValue(true, longestMaxAge);
  }

  private String chunkName(int index) {
    return name + "." + index;
  }

  /**
   * The request's cookies that concern the tracker. {@code candidates}: the tracker cookie's
   * values, then the chunks reassembled; {@code chunkIndexes}: which {@code name.i} chunks the
   * browser holds (stale ones are deleted); {@code legacy}: the legacy cookie's values; {@code
   * versionAttribute}: whether the header names a {@code $Version} (which a runtime's own cookie
   * parser may choke on).
   */
  public record Found(
      List<CookieHeaderParser.Candidate> candidates,
      List<Integer> chunkIndexes,
      List<CookieHeaderParser.Candidate> legacy,
      boolean versionAttribute) {
    public static final Found NONE = new Found(List.of(), List.of(), List.of());

    public Found(
        List<CookieHeaderParser.Candidate> candidates,
        List<Integer> chunkIndexes,
        List<CookieHeaderParser.Candidate> legacy) {
      this(candidates, chunkIndexes, legacy, false);
    }

    /** Whether the browser holds a tracker cookie or chunk (which a deletion must clear). */
    public boolean any() {
      return !candidates.isEmpty() || !chunkIndexes.isEmpty();
    }
  }

  /** Finds the tracker's cookies in raw Cookie header lines, in one pass; no crypto. */
  public Found find(List<String> headerLines) {
    if (headerLines == null || headerLines.isEmpty()) {
      return Found.NONE;
    }
    // Past maxChunks too, so chunks left by a larger setting are deleted.
    int chunkNames = chunkWriters.isEmpty() ? 0 : CookieBudget.MAX_MAX_CHUNKS;
    CookieHeaderParser.Scan scan =
        CookieHeaderParser.scan(headerLines, name, chunkNames, legacyName);
    List<CookieHeaderParser.Candidate> candidates = scan.cookie();
    List<Integer> chunkIndexes = List.of();
    if (chunkNames > 0) {
      List<Integer> indexes = new ArrayList<>();
      StringBuilder assembled = new StringBuilder();
      boolean contiguous = true;
      for (int i = 0; i < chunkNames; i++) {
        CookieHeaderParser.Candidate first = scan.firstChunk(i);
        if (first == null) {
          contiguous = false;
          continue;
        }
        indexes.add(i);
        if (contiguous && first.rejection() == null && i < chunkWriters.size()) {
          assembled.append(first.value());
        } else {
          contiguous = false;
        }
      }
      chunkIndexes = List.copyOf(indexes);
      if (assembled.length() > 0) {
        // A missing, stale or foreign chunk breaks the seal's MAC, so opening checks consistency.
        List<CookieHeaderParser.Candidate> withChunks = new ArrayList<>(candidates);
        withChunks.add(new CookieHeaderParser.Candidate(assembled.toString(), null));
        candidates = withChunks;
      }
    }
    // The scan's lists are its own and nobody changes them: no copies.
    return new Found(candidates, chunkIndexes, scan.legacy(), scan.versionAttribute());
  }

  /**
   * The Set-Cookie bytes a seal of this length needs, when it passes what the browser keeps: as one
   * cookie with chunking off, or the chunks it would take; 0 when it fits. Exact, with Secure,
   * without writing anything.
   */
  public int excessBytes(int sealLength) {
    int single = lengthWithoutValue + sealLength;
    if (single <= MAX_SET_COOKIE_BYTES) {
      return 0;
    }
    if (chunkWriters.isEmpty()) {
      return single;
    }
    int chunks = chunksFor(sealLength);
    return chunks > chunkWriters.size()
        ? sealLength + chunks * (MAX_SET_COOKIE_BYTES - chunkValueBytes)
        : 0;
  }

  /**
   * The bytes a seal of this length adds to the Cookie header the browser sends back: {@code
   * name=value; } for the cookie, or for each chunk it takes. For a seal that fits ({@link
   * #excessBytes} is 0).
   */
  public int cookieHeaderBytes(int sealLength) {
    if (lengthWithoutValue + sealLength <= MAX_SET_COOKIE_BYTES || chunkWriters.isEmpty()) {
      return name.length() + 1 + sealLength + 2;
    }
    int chunks = chunksFor(sealLength);
    int bytes = sealLength;
    for (int i = 0; i < chunks; i++) {
      bytes += chunkName(i).length() + 1 + 2;
    }
    return bytes;
  }

  /** The most Set-Cookie bytes the tracker may take: one cookie, or every chunk. */
  public int limitBytes() {
    return Math.max(1, chunkWriters.size()) * MAX_SET_COOKIE_BYTES;
  }

  private int chunksFor(int sealLength) {
    return (sealLength + chunkValueBytes - 1) / chunkValueBytes;
  }

  /** Set-Cookie lines for a new seal; {@code sealBytes}: those that carry the seal, in all. */
  public record SealLines(List<String> lines, int sealBytes) {}

  /**
   * The Set-Cookie lines for a new seal: one cookie, or with chunking as many chunks as it needs,
   * and deletions of the cookies they replace (the unchunked cookie, stale chunks, the legacy
   * cookie). Null when the seal does not fit, which {@link #excessBytes} tells beforehand. With a
   * {@code sealExpiration} sooner than Max-Age, the cookies end with the seal (never longer); a
   * {@code lifetime} other than {@link CookieLifetime#CONFIGURED} makes them session cookies, or
   * cookies that end exactly with the seal.
   */
  public SealLines sealLines(
      String seal, Instant sealExpiration, CookieLifetime lifetime, Found found, boolean secure) {
    List<String> lines = new ArrayList<>(2);
    String line = writer.write(seal, secure, sealExpiration, lifetime);
    int written;
    int sealBytes = 0;
    if (line.length() <= MAX_SET_COOKIE_BYTES) {
      lines.add(line);
      sealBytes = line.length();
      written = 0;
    } else {
      int chunks = chunkWriters.isEmpty() ? Integer.MAX_VALUE : chunksFor(seal.length());
      if (chunks > chunkWriters.size()) {
        return null;
      }
      for (int i = 0; i < chunks; i++) {
        int from = i * chunkValueBytes;
        String chunk =
            chunkWriters
                .get(i)
                .write(
                    seal.substring(from, Math.min(seal.length(), from + chunkValueBytes)),
                    secure,
                    sealExpiration,
                    lifetime);
        lines.add(chunk);
        sealBytes += chunk.length();
      }
      written = chunks;
      if (!found.candidates().isEmpty()) {
        lines.add(writer.delete(secure)); // the unchunked cookie would be read first
      }
    }
    for (int index : found.chunkIndexes()) {
      if (index >= written) {
        lines.add(chunkDelete(index, secure));
      }
    }
    if (!found.legacy().isEmpty()) {
      lines.add(legacyDelete());
    }
    return new SealLines(lines, sealBytes);
  }

  /**
   * The lines that delete the tracker: its cookie, every chunk the browser holds, the legacy
   * cookie.
   */
  public List<String> deleteLines(Found found, boolean secure) {
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
    return index < chunkWriters.size()
        ? chunkWriters.get(index).delete(secure)
        : new SetCookieWriter(settings, chunkName(index), maxAge, clock, sealClockOffset)
            .delete(secure);
  }

  /** cookie-sessions writes its cookie with {@code path=/} and no domain; deleted the same way. */
  private String legacyDelete() {
    return legacyName + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/";
  }

  /**
   * Whether this request's cookies carry Secure: always, if configured, except with the development
   * switch on a plain-http request to a loopback host.
   */
  public boolean secureFor(URI requestUri) {
    if (!settings.secure()) {
      return false;
    }
    if (!insecureLoopbackForDevelopment || requestUri == null) {
      return true;
    }
    return !("http".equalsIgnoreCase(requestUri.getScheme()) && isLoopback(requestUri.getHost()));
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }
}
