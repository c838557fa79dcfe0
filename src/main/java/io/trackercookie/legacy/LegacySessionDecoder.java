package io.trackercookie.legacy;

import io.trackercookie.iron.CryptoContext;
import io.trackercookie.iron.Utf8;
import io.trackercookie.json.StrictJson;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads (never writes) the cookies of the npm package cookie-sessions 0.0.2, so that sessions
 * issued by a legacy Connect/Express app can be carried over once and reissued in the current
 * format.
 *
 * <p>Wire format, all ASCII:
 *
 * <pre>
 * hmac (40 lowercase hex) | timestamp (13 decimal digits, ms since the epoch) | data (hex)
 * hmac = HMAC-SHA1(UTF-8 secret, timestamp + data), over the hex TEXT of data
 * data = AES-192-CBC/PKCS#7(JSON.stringify(session)), key(24) + iv(16) =
 *        EVP_BytesToKey(MD5, no salt, 1 iteration, UTF-8 secret)   (Node's crypto.createCipher)
 * </pre>
 *
 * The cookie is valid while {@code timestamp + timeout > now}. The format is weak (a fixed IV per
 * secret, MD5 key derivation, SHA-1), which is why this library only ever reads it.
 *
 * <p>Checks run in this order, cheapest and safest first: the length bound; the structure; the
 * HMAC, compared in constant time; the timeout; decryption; strict UTF-8; JSON syntax. Nothing is
 * decrypted before the HMAC holds.
 *
 * <p><b>Strict where the package was lenient.</b> cookie-sessions parsed the timestamp with {@code
 * parseInt} and decoded hex with Node's {@code Buffer.from(hex, 'hex')}, which stops at the first
 * non-hex pair and ignores case. This reader accepts only what the package's own {@code
 * serialize()} writes: a 13-digit timestamp without a leading zero, and lowercase hex of even
 * length. Cookies written before 2001-09-09 (12-digit timestamps) were never readable by the
 * package either.
 *
 * <p>Instances are immutable and thread-safe; the key, IV and HMAC key are derived once, and each
 * thread uses the Mac and Cipher of its own {@link CryptoContext}, as the iron codec does.
 *
 * <pre>{@code
 * LegacySessionDecoder legacy = LegacySessionDecoder.builder().secret(oldSecret).build();
 * LegacySession session = legacy.open(cookieValue); // throws LegacyCookieException
 * }</pre>
 */
public final class LegacySessionDecoder {

  /** cookie-sessions' {@code serialize()} refuses to write more than this many chars. */
  public static final int PACKAGE_MAX_COOKIE_CHARS = 4096;

  /** The default bound: the package's own limit plus a small margin. */
  public static final int DEFAULT_MAX_COOKIE_LENGTH = PACKAGE_MAX_COOKIE_CHARS + 64;

  /** The package's default timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(24);

  static final int HMAC_HEX_CHARS = 40;

  /** The length of the HMAC that starts every cookie this decoder opens (lowercase hex). */
  public static final int HMAC_CHARS = HMAC_HEX_CHARS;

  static final int TIMESTAMP_CHARS = 13;
  private static final int AES_BLOCK_HEX_CHARS = 32;

  /** The shortest well-formed cookie: an HMAC, a timestamp and one AES block. */
  public static final int MIN_COOKIE_LENGTH =
      HMAC_HEX_CHARS + TIMESTAMP_CHARS + AES_BLOCK_HEX_CHARS;

  private static final int KEY_BYTES = 24;
  private static final int IV_BYTES = 16;
  private static final HexFormat HEX = HexFormat.of();

  // The same arrays on every call: the thread's HmacSHA1 keeps the last key it was given.
  private final byte[] hmacKey;
  private final byte[] aesKey;
  private final byte[] iv;
  private final Duration timeout;
  private final long timeoutMillis;
  private final Clock clock;
  private final int maxCookieLength;

  private LegacySessionDecoder(Builder builder) {
    this.hmacKey =
        Objects.requireNonNull(builder.secret, "secret").getBytes(StandardCharsets.UTF_8);
    byte[] material = EvpBytesToKey.derive(hmacKey, KEY_BYTES, IV_BYTES);
    this.aesKey = Arrays.copyOfRange(material, 0, KEY_BYTES);
    this.iv = Arrays.copyOfRange(material, KEY_BYTES, KEY_BYTES + IV_BYTES);
    Arrays.fill(material, (byte) 0);
    this.timeout = builder.timeout;
    this.timeoutMillis = builder.timeout.toMillis();
    this.clock = builder.clock;
    this.maxCookieLength = builder.maxCookieLength;
  }

  /** A builder; {@link Builder#secret(String)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies and decrypts a cookie value (already URL-unescaped, as cookie-sessions {@code
   * unescape()}d it).
   *
   * @return the session JSON and the cookie's timestamp
   * @throws LegacyCookieException with the first reason that applies, in the order of {@link
   *     LegacyCookieException.Reason}
   * @throws NullPointerException if {@code cookieValue} is null
   */
  public LegacySession open(String cookieValue) {
    Objects.requireNonNull(cookieValue, "cookieValue");
    if (cookieValue.length() > maxCookieLength) {
      throw new LegacyCookieException(LegacyCookieException.Reason.TOO_LONG);
    }
    if (!isWellFormed(cookieValue)) {
      throw new LegacyCookieException(LegacyCookieException.Reason.MALFORMED);
    }
    CryptoContext crypto = CryptoContext.forCurrentThread();
    // With a canonical timestamp, String(parseInt(ts)) + data is exactly the text after the HMAC.
    byte[] expected =
        crypto.hmacSha1(
            hmacKey, cookieValue.substring(HMAC_HEX_CHARS).getBytes(StandardCharsets.US_ASCII));
    byte[] given = HEX.parseHex(cookieValue, 0, HMAC_HEX_CHARS);
    // Constant time, unlike the package's ===: the comparison must not reveal how much matched.
    if (!MessageDigest.isEqual(expected, given)) {
      throw new LegacyCookieException(LegacyCookieException.Reason.BAD_MAC);
    }
    long timestamp =
        Long.parseLong(cookieValue, HMAC_HEX_CHARS, HMAC_HEX_CHARS + TIMESTAMP_CHARS, 10);
    if (!isLive(timestamp)) {
      throw new LegacyCookieException(LegacyCookieException.Reason.EXPIRED);
    }
    byte[] encrypted =
        HEX.parseHex(cookieValue, HMAC_HEX_CHARS + TIMESTAMP_CHARS, cookieValue.length());
    byte[] plaintext;
    try {
      plaintext = crypto.decryptAesCbc(aesKey, iv, encrypted);
    } catch (GeneralSecurityException e) {
      throw new LegacyCookieException(LegacyCookieException.Reason.DECRYPTION_FAILED);
    }
    String json;
    try {
      json = Utf8.decodeStrict(plaintext);
    } catch (CharacterCodingException e) {
      throw new LegacyCookieException(LegacyCookieException.Reason.INVALID_UTF8);
    }
    if (!StrictJson.isValid(json)) {
      throw new LegacyCookieException(LegacyCookieException.Reason.INVALID_JSON);
    }
    return new LegacySession(json, Instant.ofEpochMilli(timestamp));
  }

  /**
   * The session JSON of a cookie value: {@code open(cookieValue).json()}.
   *
   * @throws LegacyCookieException as {@link #open(String)}
   */
  public String decode(String cookieValue) {
    return open(cookieValue).json();
  }

  /** How long after its timestamp a cookie stays valid. */
  public Duration timeout() {
    return timeout;
  }

  /** The longest cookie value read; longer ones are refused before any other work. */
  public int maxCookieLength() {
    return maxCookieLength;
  }

  /** The clock that decides expiry. */
  public Clock clock() {
    return clock;
  }

  /** Never prints the secret or anything derived from it. */
  @Override
  public String toString() {
    return "LegacySessionDecoder[timeout="
        + timeout
        + ", maxCookieLength="
        + maxCookieLength
        + ", secret=(hidden)]";
  }

  private boolean isLive(long timestamp) {
    long now = clock.millis();
    // timestamp < 10^13 and timeoutMillis >= 1, so only a huge timeout can overflow: then it is
    // live.
    long expiresAt = timestamp + timeoutMillis;
    return expiresAt < timestamp || expiresAt > now;
  }

  private static boolean isWellFormed(String value) {
    int dataStart = HMAC_HEX_CHARS + TIMESTAMP_CHARS;
    int dataLength = value.length() - dataStart;
    if (dataLength <= 0 || dataLength % 2 != 0) {
      return false;
    }
    for (int i = 0; i < HMAC_HEX_CHARS; i++) {
      if (!isHexDigit(value.charAt(i), false)) {
        return false;
      }
    }
    // A leading zero would be a second spelling of a shorter number (parseInt("0999...")).
    if (value.charAt(HMAC_HEX_CHARS) == '0') {
      return false;
    }
    for (int i = HMAC_HEX_CHARS; i < dataStart; i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    for (int i = dataStart; i < value.length(); i++) {
      if (!isHexDigit(value.charAt(i), false)) {
        return false;
      }
    }
    return true;
  }

  /** ASCII hex only: {@link Character#digit} would also take other scripts' digits. */
  static boolean isHexDigit(char c, boolean allowUpperCase) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'f')
        || (allowUpperCase && c >= 'A' && c <= 'F');
  }

  /** Builds a {@link LegacySessionDecoder}; each setter checks its value at once. */
  public static final class Builder {
    private @Nullable String secret;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private int maxCookieLength = DEFAULT_MAX_COOKIE_LENGTH;

    private Builder() {}

    /**
     * The secret given to cookie-sessions, fed as UTF-8 as Node 6 and later do.
     *
     * @throws IllegalArgumentException if it is empty or holds a lone surrogate (which UTF-8 cannot
     *     write, so no Node app could have used it the same way)
     */
    public Builder secret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("secret must not be empty");
      }
      if (!StandardCharsets.UTF_8.newEncoder().canEncode(secret)) {
        throw new IllegalArgumentException("secret must be well-formed UTF-16 (no lone surrogate)");
      }
      this.secret = secret;
      return this;
    }

    /**
     * The package's {@code timeout}: a cookie is valid while timestamp + timeout is after now.
     *
     * @throws IllegalArgumentException if not positive or not representable in milliseconds
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      try {
        long unused = timeout.toMillis(); // throws when the timeout overflows milliseconds
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("timeout is too long to express in milliseconds", e);
      }
      this.timeout = timeout;
      return this;
    }

    /** The clock that decides expiry; there for tests (the default is the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Longer cookie values are refused before any parsing or crypto.
     *
     * @throws IllegalArgumentException if below {@link #MIN_COOKIE_LENGTH}
     */
    public Builder maxCookieLength(int maxCookieLength) {
      if (maxCookieLength < MIN_COOKIE_LENGTH) {
        throw new IllegalArgumentException(
            "maxCookieLength must be at least " + MIN_COOKIE_LENGTH + " (one AES block)");
      }
      this.maxCookieLength = maxCookieLength;
      return this;
    }

    /**
     * The decoder; derives the key and IV once.
     *
     * @throws IllegalStateException if no secret was set
     */
    public LegacySessionDecoder build() {
      if (secret == null) {
        throw new IllegalStateException("secret is required");
      }
      return new LegacySessionDecoder(this);
    }
  }
}
