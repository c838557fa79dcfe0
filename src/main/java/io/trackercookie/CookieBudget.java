package io.trackercookie;

/**
 * How many bytes the tracker's cookies may take: what they add to the Cookie header of every later
 * request ({@link Builder#maxCookieHeaderBytes}), and whether a seal too large for one cookie is
 * split across several ({@link Builder#chunking(int)}). Immutable.
 *
 * <pre>{@code
 * TrackerConfig.builder().password(secret)
 *     .cookieBudget(CookieBudget.builder().chunking(6).maxCookieHeaderBytes(16_384).build())
 *     .build();
 * }</pre>
 */
public final class CookieBudget {

  /** Browsers keep a cookie's name, value and attributes up to this many bytes (RFC 6265). */
  public static final int MAX_COOKIE_BYTES = 4096;

  /**
   * The default Cookie-header budget: what this library's cookies may add to the Cookie header of
   * every later request. Grizzly, Tomcat and Jetty refuse request heads over 8 KB by default; 6 KB
   * leaves 2 KB for the request line and a browser's other headers and cookies.
   */
  public static final int DEFAULT_MAX_COOKIE_HEADER_BYTES = 6144;

  /** The smallest Cookie-header budget: room for a tracker of some size. */
  public static final int MIN_MAX_COOKIE_HEADER_BYTES = 1024;

  /** The number of chunks {@link Builder#chunking()} allows. */
  public static final int DEFAULT_MAX_CHUNKS = 4;

  /** The most chunks {@link Builder#chunking(int)} accepts: browsers keep ~50 cookies a site. */
  public static final int MAX_MAX_CHUNKS = 20;

  /** The largest Cookie-header budget: every chunk {@link #MAX_MAX_CHUNKS} allows. */
  public static final int MAX_MAX_COOKIE_HEADER_BYTES = MAX_MAX_CHUNKS * MAX_COOKIE_BYTES;

  /** The request-head size servers refuse above by default; a larger budget is warned about. */
  public static final int COMMON_SERVER_HEADER_LIMIT_BYTES = 8192;

  private final int maxCookieHeaderBytes;
  private final int maxChunks; // 0: off

  private CookieBudget(Builder b) {
    this.maxCookieHeaderBytes = b.maxCookieHeaderBytes;
    this.maxChunks = b.maxChunks;
  }

  /** The default budget, without chunking. */
  public static CookieBudget defaults() {
    return builder().build();
  }

  /** A builder with the default budget and chunking off. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this budget, to change some of it. */
  public Builder toBuilder() {
    return new Builder().maxCookieHeaderBytes(maxCookieHeaderBytes).chunking(maxChunks);
  }

  /**
   * The most bytes this library's cookies may add to the Cookie header a browser sends back (names,
   * values and separators, every chunk included).
   */
  public int maxCookieHeaderBytes() {
    return maxCookieHeaderBytes;
  }

  /** The most cookies a seal may be split across; 0 when chunking is off. */
  public int maxChunks() {
    return maxChunks;
  }

  /** The longest seal the chunks can carry ({@link #maxChunks} × 4096); 0 when chunking is off. */
  public int chunkedSealLength() {
    return maxChunks * MAX_COOKIE_BYTES;
  }

  @Override
  public String toString() {
    return "CookieBudget[maxCookieHeaderBytes="
        + maxCookieHeaderBytes
        + ", maxChunks="
        + maxChunks
        + "]";
  }

  /** Builds {@link CookieBudget}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private int maxCookieHeaderBytes = DEFAULT_MAX_COOKIE_HEADER_BYTES;
    private int maxChunks;

    private Builder() {}

    /**
     * The most bytes this library's cookies may add to the Cookie header a browser sends on every
     * later request: each cookie's name, {@code =}, value and {@code "; "}, every chunk included.
     * Default {@value CookieBudget#DEFAULT_MAX_COOKIE_HEADER_BYTES}: servers refuse request heads
     * over 8 KB by default (Grizzly, Tomcat, Jetty), with a 400 before the application runs and so
     * before it can clear the cookie. A {@link Tracker#put} past it throws {@link
     * TrackerTooLargeException}. Raise it only with the server's own limit (see
     * docs/configuration.md); a budget over {@value CookieBudget#COMMON_SERVER_HEADER_LIMIT_BYTES}
     * is warned about at start-up.
     *
     * @throws IllegalArgumentException unless from {@value
     *     CookieBudget#MIN_MAX_COOKIE_HEADER_BYTES} to {@value
     *     CookieBudget#MAX_MAX_COOKIE_HEADER_BYTES}
     */
    public Builder maxCookieHeaderBytes(int bytes) {
      if (bytes < MIN_MAX_COOKIE_HEADER_BYTES || bytes > MAX_MAX_COOKIE_HEADER_BYTES) {
        throw new IllegalArgumentException(
            "maxCookieHeaderBytes must be from "
                + MIN_MAX_COOKIE_HEADER_BYTES
                + " to "
                + MAX_MAX_COOKIE_HEADER_BYTES
                + ", was "
                + bytes);
      }
      this.maxCookieHeaderBytes = bytes;
      return this;
    }

    /** Chunking with {@value CookieBudget#DEFAULT_MAX_CHUNKS} cookies at most. */
    public Builder chunking() {
      return chunking(DEFAULT_MAX_CHUNKS);
    }

    /**
     * Splits a seal that would pass the {@value CookieBudget#MAX_COOKIE_BYTES}-byte Set-Cookie
     * limit across cookies {@code name.0}, {@code name.1}, ... (at most {@code maxChunks}); 0 turns
     * chunking off (the default), and a tracker that does not fit one cookie is refused with {@link
     * TrackerTooLargeException}.
     *
     * @throws IllegalArgumentException unless 0 or 2 to {@value CookieBudget#MAX_MAX_CHUNKS}
     */
    public Builder chunking(int maxChunks) {
      if (maxChunks != 0 && (maxChunks < 2 || maxChunks > MAX_MAX_CHUNKS)) {
        throw new IllegalArgumentException(
            "chunking takes 0 (off) or 2 to " + MAX_MAX_CHUNKS + " chunks, was " + maxChunks);
      }
      this.maxChunks = maxChunks;
      return this;
    }

    /** The budget; each value was checked when it was set. */
    public CookieBudget build() {
      return new CookieBudget(this);
    }
  }
}
