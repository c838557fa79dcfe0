package io.trackercookie;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything {@link TrackerFeature} needs: the password(s), the cookie's attributes and the
 * tracker's behaviour. Immutable and thread-safe; {@link #builder()} checks each value at once and
 * {@link Builder#build()} refuses a missing or short password, naming the setting. There is no
 * insecure default. {@link #toString()} never shows a password.
 *
 * <pre>{@code
 * TrackerConfig config = TrackerConfig.builder()
 *     .password(System.getenv("TRACKER_PASSWORD"))
 *     .cookie(CookieSettings.builder().sameSite(CookieSettings.SameSite.STRICT).build())
 *     .build();
 * }</pre>
 *
 * <p>{@link #fromSettings} reads the same options from named settings: each constant below is a
 * JAX-RS property / system property name, and {@link #environmentName} gives its environment
 * variable ({@code tracker.cookie.maxAge} → {@code TRACKER_COOKIE_MAX_AGE}).
 */
public final class TrackerConfig {

  /** The minimum password length, as iron requires (UTF-16 code units). */
  public static final int MIN_PASSWORD_LENGTH = 32;

  /** Setting: the password (environment: {@code TRACKER_PASSWORD}). Required, 32+ characters. */
  public static final String PASSWORD = "tracker.password";
  /** Setting: cookie name, default {@code persistent-information}. */
  public static final String COOKIE_NAME = "tracker.cookie.name";
  /** Setting: cookie Max-Age, ISO-8601 ({@code P30D}) or seconds; 0 for a session cookie. */
  public static final String COOKIE_MAX_AGE = "tracker.cookie.maxAge";
  /** Setting: cookie Path, default {@code /}. */
  public static final String COOKIE_PATH = "tracker.cookie.path";
  /** Setting: cookie Domain, default none. */
  public static final String COOKIE_DOMAIN = "tracker.cookie.domain";
  /** Setting: Secure, default true. */
  public static final String COOKIE_SECURE = "tracker.cookie.secure";
  /** Setting: HttpOnly, default true. */
  public static final String COOKIE_HTTP_ONLY = "tracker.cookie.httpOnly";
  /** Setting: SameSite, {@code Lax} (default), {@code Strict} or {@code None}. */
  public static final String COOKIE_SAME_SITE = "tracker.cookie.sameSite";
  /** Setting: Partitioned, default false. */
  public static final String COOKIE_PARTITIONED = "tracker.cookie.partitioned";
  /** Setting: the {@code __Host-} name prefix, default false. */
  public static final String COOKIE_HOST_PREFIX = "tracker.cookie.hostPrefix";
  /** Setting: the seal's absolute lifetime (iron ttl), ISO-8601 or seconds; default 0 = none. */
  public static final String TTL = "tracker.ttl";
  /** Setting: request property naming the Tracker, default {@code tracker}. */
  public static final String REQUEST_ATTRIBUTE = "tracker.requestAttribute";
  /** Setting: {@code TRACKER_COOKIE} (default) or {@code PLAIN_JSON}. */
  public static final String PAYLOAD_FORMAT = "tracker.payloadFormat";
  /** Setting: omit Secure for plain-http loopback requests (development only), default false. */
  public static final String INSECURE_LOOPBACK = "tracker.insecureLoopbackForDevelopment";
  /** Setting: entries of the verified-seal cache, default 10000; 0 turns the cache off. */
  public static final String SEAL_CACHE_MAX_ENTRIES = "tracker.sealCache.maxEntries";
  /** Setting: estimated heap bytes of the verified-seal cache, default 16777216 (16 MiB). */
  public static final String SEAL_CACHE_MAX_BYTES = "tracker.sealCache.maxBytes";

  /** Default of {@value #SEAL_CACHE_MAX_ENTRIES}. */
  public static final int DEFAULT_SEAL_CACHE_MAX_ENTRIES = 10_000;
  /** Default of {@value #SEAL_CACHE_MAX_BYTES}. */
  public static final long DEFAULT_SEAL_CACHE_MAX_BYTES = 16L * 1024 * 1024;

  /**
   * Setting: the id of {@value #PASSWORD} for key rotation ({@code [A-Za-z0-9_]+}); written into
   * new seals. Unset: the password has no id ({@code default} when other passwords are accepted).
   */
  public static final String PASSWORD_ID = "tracker.passwordId";
  /**
   * Setting: comma-separated ids of older passwords still accepted when opening; each password is
   * read from the setting {@value #ACCEPTED_PASSWORD_PREFIX}{@code <id>} (environment {@code
   * TRACKER_PASSWORD_<ID>}), so no secret is ever parsed out of a list.
   */
  public static final String ACCEPTED_PASSWORD_IDS = "tracker.acceptedPasswordIds";
  /** Prefix of the setting holding an accepted password: {@code tracker.password.<id>}. */
  public static final String ACCEPTED_PASSWORD_PREFIX = "tracker.password.";
  /** Setting: sliding (inactivity) expiry, ISO-8601 or seconds; default none. */
  public static final String SLIDING_EXPIRY = "tracker.slidingExpiry";
  /** Setting: the share of the sliding lifetime after which a valid cookie is reissued (0.5). */
  public static final String REISSUE_AFTER = "tracker.reissueAfter";
  /** Setting: the cookie-sessions secret; enables reading (never writing) legacy cookies. */
  public static final String LEGACY_SECRET = "tracker.legacy.secret";
  /** Setting: the legacy cookie's name, default {@code _node} (cookie-sessions' session_key). */
  public static final String LEGACY_COOKIE_NAME = "tracker.legacy.cookieName";
  /** Setting: the legacy cookies' timeout, ISO-8601 or seconds; default 24 hours. */
  public static final String LEGACY_TIMEOUT = "tracker.legacy.timeout";
  /** Setting: split large seals across at most this many cookies (2 to 20); 0 (default) = off. */
  public static final String MAX_CHUNKS = "tracker.maxChunks";

  /** Every setting name, for documentation and diagnostics. */
  public static final List<String> SETTINGS = List.of(PASSWORD, COOKIE_NAME, COOKIE_MAX_AGE,
      COOKIE_PATH, COOKIE_DOMAIN, COOKIE_SECURE, COOKIE_HTTP_ONLY, COOKIE_SAME_SITE,
      COOKIE_PARTITIONED, COOKIE_HOST_PREFIX, TTL, REQUEST_ATTRIBUTE, PAYLOAD_FORMAT,
      INSECURE_LOOPBACK, PASSWORD_ID, ACCEPTED_PASSWORD_IDS, SLIDING_EXPIRY, REISSUE_AFTER,
      LEGACY_SECRET, LEGACY_COOKIE_NAME, LEGACY_TIMEOUT, MAX_CHUNKS,
      SEAL_CACHE_MAX_ENTRIES, SEAL_CACHE_MAX_BYTES);

  /** The default share of the sliding lifetime after which a cookie is reissued. */
  public static final double DEFAULT_REISSUE_AFTER = 0.5;
  /** cookie-sessions' default session_key. */
  public static final String DEFAULT_LEGACY_COOKIE_NAME = "_node";
  /** The number of chunks {@link Builder#chunking()} allows. */
  public static final int DEFAULT_MAX_CHUNKS = 4;
  /** The most chunks {@link Builder#chunking(int)} accepts: browsers keep ~50 cookies a site. */
  public static final int MAX_MAX_CHUNKS = 20;
  /** iron-session 8's default ttl. */
  public static final Duration IRON_SESSION_TTL = Duration.ofDays(14);
  /** iron-session 8 sets the cookie's Max-Age this much below the seal's ttl. */
  public static final Duration IRON_SESSION_MAX_AGE_MARGIN = Duration.ofSeconds(60);

  private final IronCodec codec;
  private final CookieSettings cookie;
  private final String requestAttribute;
  private final PayloadFormat payloadFormat;
  private final List<TrackerListener> listeners;
  private final boolean insecureLoopbackForDevelopment;
  private final Clock clock;
  private final Duration slidingExpiry; // null: off
  private final double reissueAfter;
  private final LegacySessionDecoder legacyDecoder; // null: off
  private final String legacyCookieName;
  private final int maxChunks; // 0: off
  private final Duration cookieMaxAge;
  private final int sealCacheMaxEntries;
  private final long sealCacheMaxBytes;

  private TrackerConfig(Builder b, IronCodec codec, LegacySessionDecoder legacyDecoder,
      Duration cookieMaxAge) {
    this.codec = codec;
    this.cookie = b.cookie;
    this.requestAttribute = b.requestAttribute;
    this.payloadFormat = b.payloadFormat;
    this.listeners = List.copyOf(b.listeners);
    this.insecureLoopbackForDevelopment = b.insecureLoopbackForDevelopment;
    this.clock = b.clock;
    this.slidingExpiry = b.slidingExpiry;
    this.reissueAfter = b.reissueAfter;
    this.legacyDecoder = legacyDecoder;
    this.legacyCookieName = b.legacyCookieName;
    this.maxChunks = b.maxChunks;
    this.cookieMaxAge = cookieMaxAge;
    this.sealCacheMaxEntries = b.sealCacheMaxEntries;
    this.sealCacheMaxBytes = b.sealCacheMaxBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * A config from named settings (the constants of this class); {@code lookup} returns null for
   * a setting that is not set. {@link TrackerFeature}'s no-arg constructor uses this with the
   * application's JAX-RS properties, then system properties, then environment variables.
   *
   * @throws IllegalStateException if the password is missing, naming {@value #PASSWORD} and its
   *     environment variable
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   */
  public static TrackerConfig fromSettings(Function<String, String> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    Builder builder = builder();
    String password = lookup.apply(PASSWORD);
    if (password == null || password.isEmpty()) {
      throw new IllegalStateException("No tracker password: set " + PASSWORD + " (or the "
          + environmentName(PASSWORD) + " environment variable) to a secret of at least "
          + MIN_PASSWORD_LENGTH + " characters");
    }
    passwords(lookup, password, builder);
    CookieSettings.Builder cookie = CookieSettings.builder();
    String seconds = "an ISO-8601 duration (P30D) or whole seconds";
    String bool = "true or false";
    set(lookup, COOKIE_NAME, "a cookie-name token", cookie::name);
    set(lookup, COOKIE_MAX_AGE, seconds, v -> cookie.maxAge(parseDuration(v)));
    set(lookup, COOKIE_PATH, "a path starting with '/'", cookie::path);
    set(lookup, COOKIE_DOMAIN, "a domain name", cookie::domain);
    set(lookup, COOKIE_SECURE, bool, v -> cookie.secure(parseBoolean(v)));
    set(lookup, COOKIE_HTTP_ONLY, bool, v -> cookie.httpOnly(parseBoolean(v)));
    set(lookup, COOKIE_SAME_SITE, "Lax, Strict or None",
        v -> cookie.sameSite(CookieSettings.SameSite.valueOf(v.trim().toUpperCase(Locale.ROOT))));
    set(lookup, COOKIE_PARTITIONED, bool, v -> cookie.partitioned(parseBoolean(v)));
    set(lookup, COOKIE_HOST_PREFIX, bool, v -> cookie.hostPrefix(parseBoolean(v)));
    set(lookup, TTL, seconds, v -> builder.ttl(parseDuration(v)));
    set(lookup, REQUEST_ATTRIBUTE, "a non-blank name", builder::requestAttribute);
    set(lookup, PAYLOAD_FORMAT, "TRACKER_COOKIE, PLAIN_JSON or IRON_SESSION",
        v -> builder.payloadFormat(PayloadFormat.valueOf(v.trim().toUpperCase(Locale.ROOT))));
    set(lookup, INSECURE_LOOPBACK, bool, v -> builder.insecureLoopbackForDevelopment(parseBoolean(v)));
    set(lookup, SLIDING_EXPIRY, seconds, v -> builder.slidingExpiry(parseDuration(v)));
    set(lookup, REISSUE_AFTER, "a number between 0 and 1",
        v -> builder.reissueAfter(Double.parseDouble(v.trim())));
    set(lookup, LEGACY_SECRET, "a non-empty secret", builder::legacySecret);
    set(lookup, LEGACY_COOKIE_NAME, "a cookie-name token", builder::legacyCookieName);
    set(lookup, LEGACY_TIMEOUT, seconds, v -> builder.legacyTimeout(parseDuration(v)));
    set(lookup, MAX_CHUNKS, "0 or a whole number from 2 to " + MAX_MAX_CHUNKS,
        v -> builder.chunking(Integer.parseInt(v.trim())));
    // Each setting re-applies both bounds, so either may be given alone.
    int[] cacheEntries = {DEFAULT_SEAL_CACHE_MAX_ENTRIES};
    long[] cacheBytes = {DEFAULT_SEAL_CACHE_MAX_BYTES};
    set(lookup, SEAL_CACHE_MAX_ENTRIES, "a whole number, 0 (off) or more", v -> {
      cacheEntries[0] = Integer.parseInt(v.trim());
      builder.sealCache(cacheEntries[0], cacheBytes[0]);
    });
    set(lookup, SEAL_CACHE_MAX_BYTES, "a whole number of bytes, 1 or more", v -> {
      cacheBytes[0] = Long.parseLong(v.trim());
      builder.sealCache(cacheEntries[0], cacheBytes[0]);
    });
    CookieSettings settings;
    try {
      settings = cookie.build();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("Contradictory tracker.cookie.* settings: " + e.getMessage());
    }
    return builder.cookie(settings).build();
  }

  /**
   * The current password and the accepted ones, from {@value #PASSWORD}, {@value #PASSWORD_ID},
   * {@value #ACCEPTED_PASSWORD_IDS} and {@code tracker.password.<id>}.
   */
  private static void passwords(Function<String, String> lookup, String password, Builder builder) {
    String currentId = lookup.apply(PASSWORD_ID);
    String acceptedIds = lookup.apply(ACCEPTED_PASSWORD_IDS);
    boolean noAccepted = acceptedIds == null || acceptedIds.isBlank();
    if ((currentId == null || currentId.isBlank()) && noAccepted) {
      builder.password(password);
      return;
    }
    if (password.length() < MIN_PASSWORD_LENGTH) {
      builder.password(password); // build() names the setting and the minimum
      return;
    }
    String id = currentId == null || currentId.isBlank() ? IronPasswords.DEFAULT_ID : currentId.trim();
    IronPasswords.Builder keyring = IronPasswords.builder();
    try {
      keyring.current(id, password);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid value for " + PASSWORD_ID + " ("
          + environmentName(PASSWORD_ID) + "): expected letters, digits or '_'");
    }
    if (!noAccepted) {
      for (String raw : acceptedIds.split(",", -1)) {
        String accepted = raw.trim();
        if (!accepted.matches("\\w+")) {
          throw new IllegalArgumentException("Invalid value for " + ACCEPTED_PASSWORD_IDS + " ("
              + environmentName(ACCEPTED_PASSWORD_IDS)
              + "): expected comma-separated ids of letters, digits or '_'");
        }
        if (accepted.equals(id)) {
          throw new IllegalArgumentException(ACCEPTED_PASSWORD_IDS + " lists the current id " + id);
        }
        String setting = ACCEPTED_PASSWORD_PREFIX + accepted;
        String secret = lookup.apply(setting);
        if (secret == null || secret.isEmpty()) {
          throw new IllegalStateException("No password for accepted id " + accepted + ": set "
              + setting + " (or " + environmentName(setting) + ")");
        }
        if (secret.length() < MIN_PASSWORD_LENGTH) {
          throw new IllegalArgumentException("The password " + setting + " ("
              + environmentName(setting) + ") must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        try {
          keyring.accept(accepted, secret);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(ACCEPTED_PASSWORD_IDS + " lists " + accepted + " twice");
        }
      }
    }
    builder.passwords(keyring.build());
  }

  /** The environment variable read for a setting: {@code tracker.cookie.maxAge} → {@code TRACKER_COOKIE_MAX_AGE}. */
  public static String environmentName(String setting) {
    StringBuilder env = new StringBuilder(setting.length() + 8);
    for (int i = 0; i < setting.length(); i++) {
      char c = setting.charAt(i);
      if (c == '.') {
        env.append('_');
      } else if (Character.isUpperCase(c)) {
        env.append('_').append(c);
      } else {
        env.append(Character.toUpperCase(c));
      }
    }
    return env.toString();
  }

  /** The codec that seals and opens the cookie (passwords, iron options, ttl, clock). */
  public IronCodec codec() {
    return codec;
  }

  public CookieSettings cookie() {
    return cookie;
  }

  /** The request property under which the Tracker is also available; default {@code tracker}. */
  public String requestAttribute() {
    return requestAttribute;
  }

  public PayloadFormat payloadFormat() {
    return payloadFormat;
  }

  public List<TrackerListener> listeners() {
    return listeners;
  }

  public boolean insecureLoopbackForDevelopment() {
    return insecureLoopbackForDevelopment;
  }

  /**
   * Entries the verified-seal cache holds at most; 0 when it is off. The cache keeps seals this
   * config's codec has opened, keyed by the exact cookie value, so an unchanged cookie is opened
   * once; expiry is checked on every hit.
   */
  public int sealCacheMaxEntries() {
    return sealCacheMaxEntries;
  }

  /** The bound on the verified-seal cache's estimated heap bytes. */
  public long sealCacheMaxBytes() {
    return sealCacheMaxBytes;
  }

  /** The clock for Expires and seal expirations; the system clock unless a test set one. */
  public Clock clock() {
    return clock;
  }

  /** The sliding (inactivity) expiry, if on: each seal lives this long after it was written. */
  public Optional<Duration> slidingExpiry() {
    return Optional.ofNullable(slidingExpiry);
  }

  /** The share of the sliding lifetime after which a still-valid cookie is reissued. */
  public double reissueAfter() {
    return reissueAfter;
  }

  /** The reader of legacy cookie-sessions cookies, if a legacy secret is configured. */
  public Optional<LegacySessionDecoder> legacyDecoder() {
    return Optional.ofNullable(legacyDecoder);
  }

  /** The legacy cookie's name (read, then deleted, when {@link #legacyDecoder()} is present). */
  public String legacyCookieName() {
    return legacyCookieName;
  }

  /** The most cookies a seal may be split across; 0 when chunking is off. */
  public int maxChunks() {
    return maxChunks;
  }

  /**
   * The Max-Age written: the cookie settings' value, or with sliding expiry the sliding lifetime,
   * or with {@link PayloadFormat#IRON_SESSION} the seal's ttl less 60 s, as iron-session writes it.
   */
  public Duration cookieMaxAge() {
    return cookieMaxAge;
  }

  @Override
  public String toString() {
    return "TrackerConfig[" + codec + ", " + cookie + ", requestAttribute=" + requestAttribute
        + ", payloadFormat=" + payloadFormat + ", listeners=" + listeners.size()
        + ", insecureLoopbackForDevelopment=" + insecureLoopbackForDevelopment
        + ", slidingExpiry=" + slidingExpiry + ", reissueAfter=" + reissueAfter
        + ", legacy=" + (legacyDecoder == null ? "off" : legacyCookieName + " redacted")
        + ", maxChunks=" + maxChunks
        + ", sealCache=" + (sealCacheMaxEntries == 0 ? "off"
            : sealCacheMaxEntries + " entries/" + sealCacheMaxBytes + " bytes") + "]";
  }

  private static void set(Function<String, String> lookup, String setting, String expected,
      java.util.function.Consumer<String> apply) {
    String value = lookup.apply(setting);
    if (value == null) {
      return;
    }
    try {
      apply.accept(value);
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      // Neither the value nor the parser's message (which may quote it) is repeated: a mistyped
      // setting may hold a secret.
      throw new IllegalArgumentException(
          "Invalid value for " + setting + " (" + environmentName(setting) + "): expected " + expected);
    }
  }

  private static Duration parseDuration(String value) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(v));
    }
    return Duration.parse(v);
  }

  private static boolean parseBoolean(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw new IllegalArgumentException("must be true or false");
  }

  /** Builds {@link TrackerConfig}; setters check their value at once. Not thread-safe. */
  public static final class Builder {
    /** Seals per salt pair by default; see {@link #ironOptions}. */
    public static final int DEFAULT_SALT_REUSE_SEALS = 10_000;
    private static final Duration DEFAULT_SALT_REUSE_MAX_AGE = Duration.ofMinutes(1);

    private IronPasswords passwords;
    private boolean passwordTooShort;
    // iron's defaults, except that seals share a salt pair for up to 10 000 seals or one minute
    // (IronOptions.saltReuse): a seal then skips deriving two keys, readers are unaffected.
    private IronOptions ironOptions = IronOptions.builder()
        .saltReuse(DEFAULT_SALT_REUSE_SEALS, DEFAULT_SALT_REUSE_MAX_AGE).build();
    private Duration ttl;
    private CookieSettings cookie = CookieSettings.defaults();
    private String requestAttribute = "tracker";
    private PayloadFormat payloadFormat = PayloadFormat.TRACKER_COOKIE;
    private final List<TrackerListener> listeners = new ArrayList<>();
    private boolean insecureLoopbackForDevelopment;
    private Clock clock = Clock.systemUTC();
    private String singlePassword; // kept for iron-session, which needs an id on every seal
    private Duration slidingExpiry;
    private double reissueAfter = DEFAULT_REISSUE_AFTER;
    private String legacySecret;
    private String legacyCookieName = DEFAULT_LEGACY_COOKIE_NAME;
    private Duration legacyTimeout = LegacySessionDecoder.DEFAULT_TIMEOUT;
    private int maxChunks;
    private int sealCacheMaxEntries = DEFAULT_SEAL_CACHE_MAX_ENTRIES;
    private long sealCacheMaxBytes = DEFAULT_SEAL_CACHE_MAX_BYTES;

    private Builder() {}

    /**
     * The one password that seals and opens (iron's plain-string password, as tracker-cookie).
     * Checked by {@link #build()}: required, at least {@value TrackerConfig#MIN_PASSWORD_LENGTH}
     * characters.
     */
    public Builder password(String password) {
      if (password == null || password.isEmpty()) {
        this.passwords = null;
        return this;
      }
      this.passwordTooShort = password.length() < MIN_PASSWORD_LENGTH;
      this.passwords = passwordTooShort ? null : IronPasswords.single(password);
      this.singlePassword = passwordTooShort ? null : password;
      return this;
    }

    /** A keyring with password ids, for rotation: the current one seals, all listed ones open. */
    public Builder passwords(IronPasswords passwords) {
      this.passwords = Objects.requireNonNull(passwords, "passwords");
      this.passwordTooShort = false;
      this.singlePassword = null;
      return this;
    }

    /**
     * iron's options (algorithm, iterations, salts, skew). The defaults are iron's, plus salt reuse
     * for {@value #DEFAULT_SALT_REUSE_SEALS} seals or one minute ({@link
     * IronOptions.Builder#saltReuse}); options given here are used as they are, so leave out
     * {@code saltReuse} for iron's fresh salts on every seal.
     */
    public Builder ironOptions(IronOptions options) {
      this.ironOptions = Objects.requireNonNull(options, "ironOptions");
      return this;
    }

    /**
     * The seal's absolute lifetime (iron's ttl): a seal older than this is refused whatever the
     * cookie's Max-Age. Default: the ironOptions' ttl, none.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      if (ttl.isNegative()) {
        throw new IllegalArgumentException("ttl must not be negative, was " + ttl);
      }
      this.ttl = ttl;
      return this;
    }

    public Builder cookie(CookieSettings cookie) {
      this.cookie = Objects.requireNonNull(cookie, "cookie");
      return this;
    }

    /**
     * The request property under which the Tracker is also set (tracker-cookie's {@code
     * requestAttribute}); default {@code tracker}.
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder requestAttribute(String name) {
      Objects.requireNonNull(name, "requestAttribute");
      if (name.isBlank()) {
        throw new IllegalArgumentException("requestAttribute must not be blank");
      }
      this.requestAttribute = name;
      return this;
    }

    public Builder payloadFormat(PayloadFormat format) {
      this.payloadFormat = Objects.requireNonNull(format, "payloadFormat");
      return this;
    }

    /** Adds a listener told of rejected cookies and written seals. */
    public Builder listener(TrackerListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Development only: omit Secure when the request came over plain http to a loopback host
     * (localhost, 127.0.0.0/8, ::1), so plain http://localhost works in every client. A warning
     * is logged at start-up. Other hosts and https requests keep Secure.
     */
    public Builder insecureLoopbackForDevelopment(boolean enabled) {
      this.insecureLoopbackForDevelopment = enabled;
      return this;
    }

    /**
     * Sliding (inactivity) expiry: each seal expires this long after it was written, and a valid
     * cookie is written again, with a new expiration, once {@link #reissueAfter} of this lifetime
     * has passed. An active visitor stays in; an idle one's cookie expires. The cookie's Max-Age
     * is this lifetime. Not combined with {@link #ttl}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder slidingExpiry(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "slidingExpiry");
      if (idleTimeout.isNegative() || idleTimeout.isZero() || idleTimeout.getSeconds() < 1) {
        throw new IllegalArgumentException("slidingExpiry must be at least one second, was " + idleTimeout);
      }
      this.slidingExpiry = idleTimeout;
      return this;
    }

    /**
     * The share of the sliding lifetime after which a valid cookie is reissued; default 0.5. Lower
     * values write Set-Cookie more often; a cookie is never reissued on every response.
     *
     * @throws IllegalArgumentException unless strictly between 0 and 1
     */
    public Builder reissueAfter(double share) {
      if (!(share > 0 && share < 1)) {
        throw new IllegalArgumentException("reissueAfter must be between 0 and 1 (exclusive), was " + share);
      }
      this.reissueAfter = share;
      return this;
    }

    /**
     * Reads legacy cookie-sessions 0.0.x cookies made with this secret (never writes them): a
     * visitor with no valid tracker but a valid legacy cookie gets its content, and the same
     * response writes the tracker cookie and deletes the legacy one.
     *
     * @throws IllegalArgumentException if empty
     */
    public Builder legacySecret(String secret) {
      Objects.requireNonNull(secret, "legacySecret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("legacySecret must not be empty");
      }
      this.legacySecret = secret;
      return this;
    }

    /**
     * The legacy cookie's name; default {@code _node}.
     *
     * @throws IllegalArgumentException if not a cookie-name token
     */
    public Builder legacyCookieName(String name) {
      Objects.requireNonNull(name, "legacyCookieName");
      if (!name.matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+")) {
        throw new IllegalArgumentException("legacyCookieName must be a cookie-name token");
      }
      this.legacyCookieName = name;
      return this;
    }

    /**
     * The legacy cookies' timeout (cookie-sessions' {@code timeout}); default 24 hours.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder legacyTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "legacyTimeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("legacyTimeout must be positive, was " + timeout);
      }
      this.legacyTimeout = timeout;
      return this;
    }

    /** Chunking with {@link TrackerConfig#DEFAULT_MAX_CHUNKS} cookies at most. */
    public Builder chunking() {
      return chunking(DEFAULT_MAX_CHUNKS);
    }

    /**
     * Splits a seal that would pass the 4096-byte Set-Cookie limit across cookies {@code name.0},
     * {@code name.1}, ... (at most {@code maxChunks}); 0 turns chunking off (the default), and a
     * tracker that does not fit one cookie is refused with {@link TrackerTooLargeException}.
     *
     * @throws IllegalArgumentException unless 0 or 2 to {@value TrackerConfig#MAX_MAX_CHUNKS}
     */
    public Builder chunking(int maxChunks) {
      if (maxChunks != 0 && (maxChunks < 2 || maxChunks > MAX_MAX_CHUNKS)) {
        throw new IllegalArgumentException(
            "chunking takes 0 (off) or 2 to " + MAX_MAX_CHUNKS + " chunks, was " + maxChunks);
      }
      this.maxChunks = maxChunks;
      return this;
    }

    /**
     * Bounds the verified-seal cache (on by default: {@value
     * TrackerConfig#DEFAULT_SEAL_CACHE_MAX_ENTRIES} entries, 16 MiB). It holds seals whose MAC
     * this config's passwords verified, keyed by the exact cookie value, and re-checks expiry on
     * every hit. An eighth of both bounds holds the seals the provider itself wrote lately, with
     * the trees they were written from (when {@code maxEntries} is 64 or more), so a browser's next
     * request, which sends one back, skips the crypto and the JSON parse too if it comes before
     * newer seals have taken its place. {@code maxEntries} 0 turns it off.
     *
     * @throws IllegalArgumentException if maxEntries is negative or maxBytes is below 1
     */
    public Builder sealCache(int maxEntries, long maxBytes) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException("sealCache maxEntries must not be negative, was " + maxEntries);
      }
      if (maxBytes < 1) {
        throw new IllegalArgumentException("sealCache maxBytes must be at least 1, was " + maxBytes);
      }
      this.sealCacheMaxEntries = maxEntries;
      this.sealCacheMaxBytes = maxBytes;
      return this;
    }

    /** Turns the verified-seal cache off: every request's cookie is opened in full. */
    public Builder noSealCache() {
      this.sealCacheMaxEntries = 0;
      return this;
    }

    /** The clock for Expires and seal expiration; there for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * @throws IllegalStateException if no password was given, naming the setting
     * @throws IllegalArgumentException if a password is shorter than 32 characters, naming the
     *     setting; or if insecureLoopbackForDevelopment is combined with the {@code __Host-}
     *     prefix, SameSite=None or Partitioned, which browsers refuse without Secure
     */
    public TrackerConfig build() {
      if (passwordTooShort) {
        throw new IllegalArgumentException("The tracker password (" + PASSWORD + " / "
            + environmentName(PASSWORD) + ") must be at least " + MIN_PASSWORD_LENGTH
            + " characters");
      }
      if (passwords == null) {
        throw new IllegalStateException("No tracker password: set " + PASSWORD + " (or the "
            + environmentName(PASSWORD) + " environment variable), or call password(...)");
      }
      if (insecureLoopbackForDevelopment
          && (cookie.hostPrefix() || cookie.partitioned()
              || cookie.sameSite() == CookieSettings.SameSite.NONE)) {
        throw new IllegalArgumentException("insecureLoopbackForDevelopment cannot be combined with"
            + " hostPrefix, partitioned or sameSite NONE: browsers refuse those without Secure");
      }
      if (slidingExpiry != null && ttl != null) {
        throw new IllegalStateException("slidingExpiry and ttl cannot both be set: with sliding"
            + " expiry, each seal's lifetime is the sliding one");
      }
      IronPasswords sealing = passwords;
      Duration sealTtl = slidingExpiry != null ? slidingExpiry : ttl;
      if (payloadFormat == PayloadFormat.IRON_SESSION) {
        // iron-session looks every seal's password up by a numeric id ("1" for a plain string).
        if (singlePassword != null) {
          sealing = IronPasswords.builder().current("1", singlePassword).build();
        } else if (!passwords.currentId().matches("[0-9]+")) {
          throw new IllegalArgumentException(
              "iron-session reads numeric password ids only; the current id is not a number");
        }
        if (sealTtl == null && ironOptions.ttl().isZero()) {
          sealTtl = IRON_SESSION_TTL;
        }
      }
      IronOptions.Builder options = ironOptions.toBuilder().clock(clock);
      if (sealTtl != null) {
        options.ttl(sealTtl);
      }
      if (maxChunks > 0) {
        // Room for every chunk's value; each cookie is still bounded by the parser.
        options.maxSealLength(Math.max(ironOptions.maxSealLength(), maxChunks * 4096));
      }
      IronCodec codec;
      try {
        codec = IronCodec.create(sealing, options.build());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("The tracker passwords (" + PASSWORD + " / "
            + environmentName(PASSWORD) + "): " + e.getMessage(), e);
      }
      LegacySessionDecoder legacy = null;
      if (legacySecret != null) {
        try {
          legacy = LegacySessionDecoder.builder().secret(legacySecret).timeout(legacyTimeout)
              .clock(clock).build();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("The legacy secret (" + LEGACY_SECRET + " / "
              + environmentName(LEGACY_SECRET) + ") is unusable: " + e.getMessage());
        }
        if (legacyCookieName.equals(cookie.cookieName())) {
          throw new IllegalArgumentException("legacyCookieName must differ from the tracker cookie's name");
        }
      }
      Duration maxAge = cookie.maxAge();
      Duration effectiveTtl = codec.options().ttl();
      if (slidingExpiry != null) {
        maxAge = slidingExpiry;
      } else if (payloadFormat == PayloadFormat.IRON_SESSION && !effectiveTtl.isZero()) {
        maxAge = effectiveTtl.minus(IRON_SESSION_MAX_AGE_MARGIN);
        if (maxAge.isNegative() || maxAge.isZero()) {
          throw new IllegalArgumentException("With IRON_SESSION the ttl must be over 60 seconds");
        }
      }
      return new TrackerConfig(this, codec, legacy, maxAge);
    }
  }
}
