package io.trackercookie;

import io.trackercookie.internal.engine.EngineFactory;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.keys.PasswordFiles;
import io.trackercookie.keys.PasswordRing;
import io.trackercookie.keys.PasswordWatcher;
import io.trackercookie.keys.WeakPasswords;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything {@link TrackerFeature} needs: the password(s), the cookie's attributes and the
 * tracker's behaviour. Immutable and thread-safe. {@link #builder()} checks each value as it is set
 * and {@link Builder#build()} checks the combinations; there is no insecure default and no default
 * password. {@link #toString()} never shows a secret.
 *
 * <pre>{@code
 * TrackerConfig config = TrackerConfig.builder()
 *     .password(System.getenv("TRACKER_PASSWORD"))
 *     .maxAge(Duration.ofDays(7))
 *     .sameSite(CookieSettings.SameSite.STRICT)
 *     .build();
 * }</pre>
 *
 * <p>{@link TrackerSettings} reads the same options from named settings (JAX-RS properties, system
 * properties, environment variables).
 */
public final class TrackerConfig {

  /** The minimum password length, as iron requires (UTF-16 code units). */
  public static final int MIN_PASSWORD_LENGTH = IronOptions.defaults().minPasswordLength();

  /** Default entries of the verified-seal cache. */
  public static final int DEFAULT_SEAL_CACHE_MAX_ENTRIES = 10_000;

  /** Default estimated heap bytes of the verified-seal cache (16 MiB). */
  public static final long DEFAULT_SEAL_CACHE_MAX_BYTES = 16L * 1024 * 1024;

  /** The default share of the sliding lifetime after which a cookie is reissued. */
  public static final double DEFAULT_REISSUE_AFTER = 0.5;

  /** cookie-sessions' default session_key. */
  public static final String DEFAULT_LEGACY_COOKIE_NAME = "_node";

  /** cookie-sessions' default timeout. */
  public static final Duration DEFAULT_LEGACY_TIMEOUT = Duration.ofHours(24);

  /** The number of chunks {@link Builder#chunking()} allows. */
  public static final int DEFAULT_MAX_CHUNKS = 4;

  /** The most chunks {@link Builder#chunking(int)} accepts: browsers keep ~50 cookies a site. */
  public static final int MAX_MAX_CHUNKS = 20;

  /**
   * The shortest ttl (and sliding expiry): iron accepts a seal up to 60 s past its expiration, so a
   * shorter lifetime would mostly be skew.
   */
  public static final Duration MIN_TTL = Duration.ofMinutes(2);

  /**
   * The longest ttl: ten years, far inside what an expiration can say (the year 33658), so a seal
   * this library writes is one it opens.
   */
  public static final Duration MAX_TTL = Duration.ofDays(3650);

  /**
   * The default Cookie-header budget: what this library's cookies may add to the Cookie header of
   * every later request. Grizzly, Tomcat and Jetty refuse request heads over 8 KB by default; 6 KB
   * leaves 2 KB for the request line and a browser's other headers and cookies.
   */
  public static final int DEFAULT_MAX_COOKIE_HEADER_BYTES = 6144;

  /** The smallest Cookie-header budget: room for a tracker of some size. */
  public static final int MIN_MAX_COOKIE_HEADER_BYTES = 1024;

  /** The largest Cookie-header budget: every chunk {@link #MAX_MAX_CHUNKS} allows. */
  public static final int MAX_MAX_COOKIE_HEADER_BYTES = MAX_MAX_CHUNKS * 4096;

  /** The request-head size servers refuse above by default; a larger budget is warned about. */
  public static final int COMMON_SERVER_HEADER_LIMIT_BYTES = 8192;

  private final IronPasswords passwords;
  private final IronOptions ironOptions;
  private final Duration ttl; // null: as the cookie's Max-Age
  private final boolean sealsNeverExpire;
  private final int maxCookieHeaderBytes;
  private final CookieSettings cookie;
  private final String requestAttribute;
  private final PayloadFormat payloadFormat;
  private final List<TrackerListener> listeners;
  private final boolean insecureLoopbackForDevelopment;
  private final Clock clock;
  private final Duration slidingExpiry; // null: off
  private final double reissueAfter;
  private final String legacySecret; // null: off
  private final String legacyCookieName;
  private final Duration legacyTimeout;
  private final int maxChunks; // 0: off
  private final int sealCacheMaxEntries;
  private final long sealCacheMaxBytes;
  // Diagnostics (development): a response names why its request's cookie was refused.
  private final boolean diagnostics;
  // Keys: passwords from files, a key schedule, weak passwords.
  private final PasswordFiles passwordFiles; // null: the passwords were given
  private final PasswordRing passwordRing; // null: no ring (as read from the files, if any)
  private final Duration passwordPollInterval;
  private final boolean allowWeakPassword;
  private final RevocationOptions revocation; // null: off

  private TrackerConfig(Builder b, IronPasswords passwords) {
    this.passwords = passwords;
    this.ironOptions = b.ironOptions;
    this.ttl = b.ttl;
    this.sealsNeverExpire = b.sealsNeverExpire;
    this.maxCookieHeaderBytes = b.maxCookieHeaderBytes;
    this.cookie = b.cookie;
    this.requestAttribute = b.requestAttribute;
    this.payloadFormat = b.payloadFormat;
    this.listeners = List.copyOf(b.listeners);
    this.insecureLoopbackForDevelopment = b.insecureLoopbackForDevelopment;
    this.clock = b.clock;
    this.slidingExpiry = b.slidingExpiry;
    this.reissueAfter = b.reissueAfter;
    this.legacySecret = b.legacySecret;
    this.legacyCookieName = b.legacyCookieName;
    this.legacyTimeout = b.legacyTimeout;
    this.maxChunks = b.maxChunks;
    this.sealCacheMaxEntries = b.sealCacheMaxEntries;
    this.sealCacheMaxBytes = b.sealCacheMaxBytes;
    this.diagnostics = b.diagnostics;
    this.passwordFiles = b.passwordFiles;
    this.passwordRing = b.builtRing;
    this.passwordPollInterval = b.passwordPollInterval;
    this.allowWeakPassword = b.allowWeakPassword;
    this.revocation = b.revocation;
  }

  /** A builder with the defaults; only the password must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A config from named settings; the same as {@link TrackerSettings#read}.
   *
   * @throws IllegalStateException if the password is missing, naming the setting
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   */
  public static TrackerConfig fromSettings(Function<String, String> lookup) {
    return TrackerSettings.read(lookup);
  }

  /**
   * The passwords that seal and open. With {@link PayloadFormat#IRON_SESSION} a single password is
   * given the id {@code 1}, as iron-session numbers a plain password, and still opens seals that
   * carry no id (those then count as made with an older password, and are sealed again). With a
   * {@linkplain #passwordRing() key schedule or password files}, the passwords in force when the
   * config was built; the engine follows the ring from then on.
   */
  public IronPasswords passwords() {
    return passwords;
  }

  /**
   * iron's options other than the ttl and the clock, which are this config's ({@link #ttl()},
   * {@link #clock()}).
   */
  public IronOptions ironOptions() {
    return ironOptions;
  }

  /**
   * The ttl as configured with {@link Builder#ttl}, if it was; {@link #sealTtl()} is the lifetime
   * seals get.
   */
  public Optional<Duration> ttl() {
    return Optional.ofNullable(ttl);
  }

  /** Whether seals are written without an expiration ({@link Builder#sealsNeverExpire()}). */
  public boolean sealsNeverExpire() {
    return sealsNeverExpire;
  }

  /**
   * The most bytes this library's cookies may add to the Cookie header a browser sends back (names,
   * values and separators, every chunk included).
   */
  public int maxCookieHeaderBytes() {
    return maxCookieHeaderBytes;
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

  /**
   * The secret of legacy cookie-sessions cookies, if reading them is on. Reading it is a deliberate
   * act: nothing else in this class shows it.
   */
  public Optional<String> legacySecret() {
    return Optional.ofNullable(legacySecret);
  }

  /** The legacy cookie's name (read, then deleted, when a legacy secret is set). */
  public String legacyCookieName() {
    return legacyCookieName;
  }

  /** The legacy cookies' timeout (cookie-sessions' {@code timeout}). */
  public Duration legacyTimeout() {
    return legacyTimeout;
  }

  /** The most cookies a seal may be split across; 0 when chunking is off. */
  public int maxChunks() {
    return maxChunks;
  }

  /** Entries the verified-seal cache holds at most; 0 when it is off. */
  public int sealCacheMaxEntries() {
    return sealCacheMaxEntries;
  }

  /** The bound on the verified-seal cache's estimated heap bytes. */
  public long sealCacheMaxBytes() {
    return sealCacheMaxBytes;
  }

  // Keys: passwords from files, a key schedule, weak passwords.

  /** The password files read at start-up and reloaded when they change, if any. */
  public Optional<PasswordFiles> passwordFiles() {
    return Optional.ofNullable(passwordFiles);
  }

  /**
   * The passwords with their key schedule: as given to {@link Builder#passwordRing}, or as read
   * from the {@linkplain #passwordFiles() files} when the config was built. Empty when the
   * passwords were given as {@link #passwords()} alone, which then never change.
   */
  public Optional<PasswordRing> passwordRing() {
    return Optional.ofNullable(passwordRing);
  }

  /** How often the password files are looked at for changes. */
  public Duration passwordPollInterval() {
    return passwordPollInterval;
  }

  /** Whether weak passwords were allowed (tests only). */
  public boolean allowWeakPassword() {
    return allowWeakPassword;
  }

  /** Revocation's options, if it is on ({@link Tracker#revoke()}, {@link Revocations}). */
  public Optional<RevocationOptions> revocation() {
    return Optional.ofNullable(revocation);
  }

  /**
   * The response header that names why a request's tracker cookie was refused, when {@link
   * #diagnostics()} is on: {@code Tracker-Diagnostics: rejected=BAD_MAC}.
   */
  public static final String DIAGNOSTICS_HEADER = "Tracker-Diagnostics";

  /**
   * Whether a response whose request brought a refused tracker cookie names the reasons in {@link
   * #DIAGNOSTICS_HEADER}; off by default, for development only.
   */
  public boolean diagnostics() {
    return diagnostics;
  }

  /**
   * The Max-Age written; {@link Duration#ZERO} for a session cookie. With sliding expiry, the
   * sliding lifetime. Otherwise the cookie settings' Max-Age when one was set (a session cookie
   * stays one), else the format's ({@link PayloadFormat#IRON_SESSION}: the ttl less 60 s, as
   * iron-session writes it; the others: 30 days); in every case no longer than the seal's ttl, so
   * the browser never keeps a cookie that no longer opens.
   */
  public Duration cookieMaxAge() {
    if (slidingExpiry != null) {
      return slidingExpiry;
    }
    Duration sealTtl = sealTtl();
    Duration maxAge =
        cookie.maxAgeSet() ? cookie.maxAge() : payloadFormat.maxAge(cookie.maxAge(), sealTtl);
    return !sealTtl.isZero() && maxAge.compareTo(sealTtl) > 0 ? sealTtl : maxAge;
  }

  /**
   * The lifetime written into each seal; {@link Duration#ZERO} for none ({@link
   * Builder#sealsNeverExpire()}). With sliding expiry, the sliding lifetime; else the ttl if one
   * was set; else the format's ({@link PayloadFormat#IRON_SESSION}: 14 days); else the cookie's
   * Max-Age (30 days by default, and 30 days for a session cookie), so a seal expires when its
   * cookie does.
   */
  public Duration sealTtl() {
    if (slidingExpiry != null) {
      return slidingExpiry;
    }
    if (sealsNeverExpire) {
      return Duration.ZERO;
    }
    if (ttl != null) {
      return ttl;
    }
    Duration formatTtl = payloadFormat.defaultTtl();
    if (!formatTtl.isZero()) {
      return formatTtl;
    }
    return cookie.maxAge().isZero() ? CookieSettings.DEFAULT_MAX_AGE : cookie.maxAge();
  }

  @Override
  public String toString() {
    return "TrackerConfig["
        + passwords
        + ", "
        + ironOptions
        + ", ttl="
        + (sealsNeverExpire ? "none" : sealTtl())
        + ", maxCookieHeaderBytes="
        + maxCookieHeaderBytes
        + ", "
        + cookie
        + ", requestAttribute="
        + requestAttribute
        + ", payloadFormat="
        + payloadFormat
        + ", listeners="
        + listeners.size()
        + ", insecureLoopbackForDevelopment="
        + insecureLoopbackForDevelopment
        + ", diagnostics="
        + diagnostics
        + ", slidingExpiry="
        + slidingExpiry
        + ", reissueAfter="
        + reissueAfter
        + ", legacy="
        + (legacySecret == null ? "off" : legacyCookieName + " redacted")
        + ", maxChunks="
        + maxChunks
        + ", sealCache="
        + (sealCacheMaxEntries == 0
            ? "off"
            : sealCacheMaxEntries + " entries/" + sealCacheMaxBytes + " bytes")
        // Keys: where the passwords come from, and their schedule (ids and instants only).
        + (passwordFiles == null ? "" : ", " + passwordFiles)
        + (passwordRing == null ? "" : ", " + passwordRing)
        + ", revocation="
        + (revocation == null ? "off" : revocation)
        + "]";
  }

  /**
   * Builds {@link TrackerConfig}. Each setter checks its value at once and says what it throws;
   * {@link #build()} checks the combinations. Not thread-safe.
   */
  public static final class Builder {
    /** Seals per salt pair by default; see {@link #ironOptions}. */
    private static final int DEFAULT_SALT_REUSE_SEALS = 10_000;

    private static final Duration DEFAULT_SALT_REUSE_MAX_AGE = Duration.ofMinutes(1);

    private IronPasswords passwords;
    private String singlePassword; // iron-session numbers a plain password: kept to give it id 1
    // iron's defaults, except that seals share a salt pair for up to 10 000 seals or one minute:
    // a seal then skips deriving two keys, and readers are unaffected (see SECURITY.md).
    private IronOptions ironOptions =
        IronOptions.builder()
            .saltReuse(DEFAULT_SALT_REUSE_SEALS, DEFAULT_SALT_REUSE_MAX_AGE)
            .build();
    private Duration ttl;
    private boolean sealsNeverExpire;
    private int maxCookieHeaderBytes = DEFAULT_MAX_COOKIE_HEADER_BYTES;
    private CookieSettings cookie = CookieSettings.defaults();
    private CookieSettings.Builder cookieAttributes; // null: no attribute set one by one
    private String requestAttribute = "tracker";
    private PayloadFormat payloadFormat = PayloadFormat.TRACKER_COOKIE;
    private final List<TrackerListener> listeners = new ArrayList<>();
    private boolean insecureLoopbackForDevelopment;
    private Clock clock = Clock.systemUTC();
    private Duration slidingExpiry;
    private double reissueAfter = DEFAULT_REISSUE_AFTER;
    private String legacySecret;
    private String legacyCookieName = DEFAULT_LEGACY_COOKIE_NAME;
    private Duration legacyTimeout = DEFAULT_LEGACY_TIMEOUT;
    private int maxChunks;
    private int sealCacheMaxEntries = DEFAULT_SEAL_CACHE_MAX_ENTRIES;
    private long sealCacheMaxBytes = DEFAULT_SEAL_CACHE_MAX_BYTES;
    private boolean diagnostics;
    private RevocationOptions revocation;

    // Password strength: each password given as text, under the setting that names it, checked by
    // build() unless weak ones are allowed (whatever order the setters came in).
    private final Map<String, String> passwordTexts = new LinkedHashMap<>();
    private boolean allowWeakPassword;
    // Passwords from files, or with a key schedule; each password setter replaces the others.
    private PasswordFiles passwordFiles;
    private PasswordRing passwordRing;
    private Duration passwordPollInterval = PasswordWatcher.DEFAULT_POLL_INTERVAL;
    private PasswordRing builtRing; // set by build() for the config it makes

    private Builder() {}

    /**
     * The one password that seals and opens (iron's plain-string password, as tracker-cookie).
     * Replaces any keyring set by {@link #passwords}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if shorter than {@link TrackerConfig#MIN_PASSWORD_LENGTH}
     *     (32) characters; the message names the setting, never the value
     */
    public Builder password(String password) {
      // Usually System.getenv("TRACKER_PASSWORD") on a machine where it is not set.
      Objects.requireNonNull(
          password,
          "password is null: is TRACKER_PASSWORD set? java -jar tracker-cookie.jar keygen prints"
              + " a random one");
      TrackerSettings.checkPasswordLength(TrackerSettings.PASSWORD, password);
      this.passwords = IronPasswords.single(password);
      this.singlePassword = password;
      passwordTexts.clear();
      passwordTexts.put(TrackerSettings.PASSWORD, password);
      this.passwordFiles = null;
      this.passwordRing = null;
      return this;
    }

    /**
     * A keyring with password ids, for rotation: the current one seals, all listed ones open.
     * Replaces any password set by {@link #password}.
     *
     * @throws NullPointerException if null
     */
    public Builder passwords(IronPasswords passwords) {
      this.passwords = Objects.requireNonNull(passwords, "passwords");
      this.singlePassword = null;
      passwordTexts.clear();
      this.passwordFiles = null;
      this.passwordRing = null;
      return this;
    }

    /**
     * Passwords with a key schedule: each may carry a seal-from instant before which it is accepted
     * but not used to seal. Replaces any password set by the other password setters.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordRing(PasswordRing ring) {
      Objects.requireNonNull(ring, "passwordRing");
      clearPasswords();
      this.passwordRing = ring;
      return this;
    }

    /**
     * Reads the passwords from a directory with one file per password id (as a Kubernetes Secret is
     * mounted), and reloads them when the files change; see {@link PasswordFiles} for the files'
     * form. {@link #build()} reads them once and fails if they are unusable; later, an unusable
     * change leaves the passwords in force and logs a WARNING. Replaces any password set by the
     * other password setters.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordDirectory(Path directory) {
      Objects.requireNonNull(directory, "passwordDirectory");
      clearPasswords();
      this.passwordFiles = PasswordFiles.directory(directory);
      return this;
    }

    /**
     * Reads the one password (no id) from a file, and reloads it when the file changes. A new
     * password in this file refuses every cookie sealed with the old one: to rotate without losing
     * visitors, use {@link #passwordDirectory}. Replaces any password set by the other password
     * setters.
     *
     * @throws NullPointerException if null
     */
    public Builder passwordFile(Path file) {
      Objects.requireNonNull(file, "passwordFile");
      clearPasswords();
      this.passwordFiles = PasswordFiles.file(file);
      return this;
    }

    /**
     * How often the password files are looked at for changes; default 5 seconds.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not positive
     */
    public Builder passwordPollInterval(Duration interval) {
      Objects.requireNonNull(interval, "passwordPollInterval");
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException(
            "passwordPollInterval must be positive, was " + interval);
      }
      this.passwordPollInterval = interval;
      return this;
    }

    private void clearPasswords() {
      this.passwords = null;
      this.singlePassword = null;
      this.passwordTexts.clear();
      this.passwordFiles = null;
      this.passwordRing = null;
    }

    /**
     * Allows passwords that {@link #build()} would refuse as weak: published samples, placeholders
     * such as {@code changeme}, and strings with too little variety. For tests only; default false.
     */
    public Builder allowWeakPassword(boolean allow) {
      this.allowWeakPassword = allow;
      return this;
    }

    /** The texts of a keyring read from settings, each under its setting, for the weak check. */
    Builder passwordTexts(Map<String, String> textsBySetting) {
      passwordTexts.clear();
      passwordTexts.putAll(textsBySetting);
      return this;
    }

    /**
     * iron's options (algorithm, iterations, salt sizes, skew, salt reuse). The defaults are
     * iron's, plus salt reuse for 10 000 seals or one minute ({@link
     * IronOptions.Builder#saltReuse}); options given here are used as they are, so leave out {@code
     * saltReuse} for fresh salts on every seal. The ttl and the clock are this builder's ({@link
     * #ttl}, {@link #clock}).
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if the options set a ttl or a clock of their own
     */
    public Builder ironOptions(IronOptions options) {
      Objects.requireNonNull(options, "ironOptions");
      if (!options.ttl().isZero()) {
        throw new IllegalArgumentException(
            "Set the ttl with TrackerConfig.Builder.ttl, not in ironOptions");
      }
      if (!options.clock().equals(Clock.systemUTC())) {
        throw new IllegalArgumentException(
            "Set the clock with TrackerConfig.Builder.clock, not in ironOptions");
      }
      this.ironOptions = options;
      return this;
    }

    /**
     * The seal's lifetime (iron's ttl): a seal is refused this long after it was written, whatever
     * the cookie's Max-Age. Default: the cookie's Max-Age, so a seal expires when its cookie does.
     * Each write of the application ({@link Tracker#put}, {@link Tracker#replaceWith}, a removal)
     * seals with an expiration this long from then; a seal made again without a change (a new
     * password, a legacy upgrade) keeps its expiration. A Max-Age longer than the ttl is shortened
     * to it.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from {@link TrackerConfig#MIN_TTL} (2
     *     minutes) to {@link TrackerConfig#MAX_TTL} (10 years); {@link #sealsNeverExpire()} turns
     *     expiration off
     */
    public Builder ttl(Duration ttl) {
      Objects.requireNonNull(ttl, "ttl");
      checkLifetime("ttl", ttl, MAX_TTL);
      this.ttl = ttl;
      return this;
    }

    /**
     * Seals carry no expiration: a copy of a cookie opens for as long as the password does, after
     * the cookie itself is gone. For trackers that must outlive any one cookie, such as an
     * anonymous visitor id whose Max-Age each write renews. Not combined with {@link #ttl} or
     * {@link #slidingExpiry}.
     */
    public Builder sealsNeverExpire() {
      this.sealsNeverExpire = true;
      return this;
    }

    /**
     * The most bytes this library's cookies may add to the Cookie header a browser sends on every
     * later request: each cookie's name, {@code =}, value and {@code "; "}, every chunk included.
     * Default {@value TrackerConfig#DEFAULT_MAX_COOKIE_HEADER_BYTES}: servers refuse request heads
     * over 8 KB by default (Grizzly, Tomcat, Jetty), with a 400 before the application runs and so
     * before it can clear the cookie. A {@link Tracker#put} past it throws {@link
     * TrackerTooLargeException}. Raise it only with the server's own limit (see
     * docs/configuration.md); a budget over 8192 is warned about at start-up.
     *
     * @throws IllegalArgumentException unless from {@value
     *     TrackerConfig#MIN_MAX_COOKIE_HEADER_BYTES} to {@value
     *     TrackerConfig#MAX_MAX_COOKIE_HEADER_BYTES}
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

    /** Refuses a seal lifetime that is sub-second, shorter than MIN_TTL or longer than max. */
    private static void checkLifetime(String setting, Duration lifetime, Duration max) {
      if ("ttl".equals(setting) && lifetime.isZero()) {
        // Users reach for ttl(ZERO) to mean "no expiration"; say which setting means that.
        throw new IllegalArgumentException(
            "ttl must be from "
                + MIN_TTL.toMinutes()
                + " minutes; for seals without an expiration use sealsNeverExpire()"
                + " (tracker.sealsNeverExpire=true)");
      }
      if (lifetime.toNanosPart() != 0) {
        throw new IllegalArgumentException(
            setting + " must be whole seconds (Max-Age has no fractions), was " + lifetime);
      }
      if (lifetime.compareTo(MIN_TTL) < 0 || lifetime.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            setting
                + " must be from "
                + MIN_TTL.toMinutes()
                + " minutes (iron accepts 60 s past an expiration) to "
                + max.toDays()
                + " days, was "
                + lifetime);
      }
    }

    /**
     * The cookie's name and attributes; default {@link CookieSettings#defaults()}. Replaces what
     * {@link #cookieName}, {@link #maxAge}, {@link #path}, {@link #domain}, {@link #secure}, {@link
     * #httpOnly}, {@link #sameSite}, {@link #partitioned} and {@link #hostPrefix} set before it;
     * those called after it change this value's attributes.
     *
     * @throws NullPointerException if null
     */
    public Builder cookie(CookieSettings cookie) {
      this.cookie = Objects.requireNonNull(cookie, "cookie");
      this.cookieAttributes = null;
      return this;
    }

    /**
     * The cookie's name, an RFC 6265 token; default {@code persistent-information}. The same as
     * {@link CookieSettings.Builder#name}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if empty or not a token
     */
    public Builder cookieName(String name) {
      cookieAttributes().name(name);
      return this;
    }

    /**
     * The cookie's Max-Age, whole seconds; {@link Duration#ZERO} for a session cookie; default 30
     * days. This is how long the browser keeps the cookie; how long a seal is accepted is {@link
     * #ttl} or {@link #slidingExpiry}. The same as {@link CookieSettings.Builder#maxAge}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if negative
     */
    public Builder maxAge(Duration maxAge) {
      cookieAttributes().maxAge(maxAge);
      return this;
    }

    /**
     * The cookie's Path; default {@code /}. The same as {@link CookieSettings.Builder#path}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless it starts with '/' and has no ';' or control char
     */
    public Builder path(String path) {
      cookieAttributes().path(path);
      return this;
    }

    /**
     * The cookie's Domain; null (the default) for a host-only cookie. The same as {@link
     * CookieSettings.Builder#domain}.
     *
     * @throws IllegalArgumentException if empty or holding ';', a space or a control character
     */
    public Builder domain(String domain) {
      cookieAttributes().domain(domain);
      return this;
    }

    /**
     * The cookie's Secure attribute; default true. For plain http during development, prefer {@link
     * #insecureLoopbackForDevelopment}. The same as {@link CookieSettings.Builder#secure}.
     */
    public Builder secure(boolean secure) {
      cookieAttributes().secure(secure);
      return this;
    }

    /**
     * The cookie's HttpOnly attribute; default true (scripts cannot read the cookie). The same as
     * {@link CookieSettings.Builder#httpOnly}.
     */
    public Builder httpOnly(boolean httpOnly) {
      cookieAttributes().httpOnly(httpOnly);
      return this;
    }

    /**
     * The cookie's SameSite attribute; default {@link CookieSettings.SameSite#LAX}; {@code NONE}
     * needs Secure ({@link #build} checks). The same as {@link CookieSettings.Builder#sameSite}.
     *
     * @throws NullPointerException if null
     */
    public Builder sameSite(CookieSettings.SameSite sameSite) {
      cookieAttributes().sameSite(sameSite);
      return this;
    }

    /**
     * The cookie's Partitioned attribute (CHIPS); default false; needs Secure. The same as {@link
     * CookieSettings.Builder#partitioned}.
     */
    public Builder partitioned(boolean partitioned) {
      cookieAttributes().partitioned(partitioned);
      return this;
    }

    /**
     * Sends the cookie as {@code __Host-<name>}; default false; needs Secure, path {@code /} and no
     * domain. The same as {@link CookieSettings.Builder#hostPrefix}.
     */
    public Builder hostPrefix(boolean hostPrefix) {
      cookieAttributes().hostPrefix(hostPrefix);
      return this;
    }

    /** The cookie attributes being changed one by one, starting from {@link #cookie}'s value. */
    private CookieSettings.Builder cookieAttributes() {
      if (cookieAttributes == null) {
        cookieAttributes = cookie.toBuilder();
      }
      return cookieAttributes;
    }

    /**
     * The request property under which the Tracker is also set (tracker-cookie's {@code
     * requestAttribute}); default {@code tracker}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank
     */
    public Builder requestAttribute(String name) {
      Objects.requireNonNull(name, "requestAttribute");
      if (name.isBlank()) {
        throw new IllegalArgumentException("requestAttribute must not be blank");
      }
      this.requestAttribute = name;
      return this;
    }

    /**
     * What new seals hold; every format is read. Default {@link PayloadFormat#TRACKER_COOKIE}.
     *
     * @throws NullPointerException if null
     */
    public Builder payloadFormat(PayloadFormat format) {
      this.payloadFormat = Objects.requireNonNull(format, "payloadFormat");
      return this;
    }

    /**
     * Adds a listener told of rejected cookies and written seals.
     *
     * @throws NullPointerException if null
     */
    public Builder listener(TrackerListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Development only: omit Secure when the request came over plain http to a loopback host
     * (localhost, 127.0.0.0/8, ::1), so plain http://localhost works in every client. A warning is
     * logged at start-up. Other hosts and https requests keep Secure.
     */
    public Builder insecureLoopbackForDevelopment(boolean enabled) {
      this.insecureLoopbackForDevelopment = enabled;
      return this;
    }

    /**
     * Sliding (inactivity) expiry: each seal expires this long after it was written, and a valid
     * cookie is written again, with a new expiration, once {@link #reissueAfter} of this lifetime
     * has passed. An active visitor stays in; an idle one's cookie expires. The cookie's Max-Age is
     * this lifetime. Not combined with {@link #ttl}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from {@link TrackerConfig#MIN_TTL} (2
     *     minutes) to {@link CookieSettings#MAX_MAX_AGE} (400 days, the longest Max-Age browsers
     *     keep)
     */
    public Builder slidingExpiry(Duration idleTimeout) {
      Objects.requireNonNull(idleTimeout, "slidingExpiry");
      checkLifetime("slidingExpiry", idleTimeout, CookieSettings.MAX_MAX_AGE);
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
        throw new IllegalArgumentException(
            "reissueAfter must be between 0 and 1 (exclusive), was " + share);
      }
      this.reissueAfter = share;
      return this;
    }

    /**
     * Reads legacy cookie-sessions 0.0.x cookies made with this secret (never writes them): a
     * visitor with no valid tracker but a valid legacy cookie gets its content, and the same
     * response writes the tracker cookie and deletes the legacy one.
     *
     * @throws NullPointerException if null
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
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if not a cookie-name token
     */
    public Builder legacyCookieName(String name) {
      Objects.requireNonNull(name, "legacyCookieName");
      CookieSettings.checkName("legacyCookieName", name);
      this.legacyCookieName = name;
      return this;
    }

    /**
     * The legacy cookies' timeout (cookie-sessions' {@code timeout}); default 24 hours.
     *
     * @throws NullPointerException if null
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

    /** Chunking with {@value TrackerConfig#DEFAULT_MAX_CHUNKS} cookies at most. */
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
     * TrackerConfig#DEFAULT_SEAL_CACHE_MAX_ENTRIES} entries, 16 MiB). It holds seals whose MAC this
     * config's passwords verified, and the seals this server wrote, keyed by the exact cookie
     * value, and re-checks expiry on every hit. {@code maxEntries} 0 turns it off.
     *
     * @throws IllegalArgumentException if maxEntries is negative or maxBytes is below 1
     */
    public Builder sealCache(int maxEntries, long maxBytes) {
      if (maxEntries < 0) {
        throw new IllegalArgumentException(
            "sealCache maxEntries must not be negative, was " + maxEntries);
      }
      if (maxBytes < 1) {
        throw new IllegalArgumentException(
            "sealCache maxBytes must be at least 1, was " + maxBytes);
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

    /**
     * Development only: a response whose request brought a tracker cookie that was refused carries
     * {@value TrackerConfig#DIAGNOSTICS_HEADER}{@code : rejected=REASON} (a {@link RejectionReason}
     * for each refused cookie, comma-separated; never a value). Off by default, and not turned on
     * by {@link #insecureLoopbackForDevelopment}: the reasons tell a client which of its forgeries
     * got how far. A warning is logged at start-up while it is on.
     */
    public Builder diagnostics(boolean enabled) {
      this.diagnostics = enabled;
      return this;
    }

    /**
     * Turns revocation on: {@link Tracker#revoke()} and {@link Revocations#revokeAllFor} make
     * cookies read as empty on every node sharing the store. Each request that opens a cookie then
     * asks the store (from memory: the embedded store, or the Redis store's local view). Needs
     * seals that expire (any lifetime; not {@link #sealsNeverExpire()}), which {@link #build()}
     * checks. Off by default, at no cost.
     *
     * @throws NullPointerException if null
     */
    public Builder revocation(RevocationOptions options) {
      this.revocation = Objects.requireNonNull(options, "revocation");
      return this;
    }

    /** Turns revocation off (the default). */
    public Builder noRevocation() {
      this.revocation = null;
      return this;
    }

    /**
     * The clock for Expires and seal expiration; there for tests.
     *
     * @throws NullPointerException if null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The config, once the combination of its options is checked.
     *
     * @throws IllegalStateException if no password was given, naming the setting; if two of
     *     slidingExpiry, ttl and sealsNeverExpire are set; if revocation is on with
     *     sealsNeverExpire; or for cookie attributes set one by one that {@link
     *     CookieSettings.Builder#build} refuses
     * @throws IllegalArgumentException if a password given as text is weak (a published sample, a
     *     placeholder, too little variety) and {@link #allowWeakPassword} is off, naming the
     *     setting and the rule, never the value; if password files are unusable, naming the file
     * @throws IllegalArgumentException if insecureLoopbackForDevelopment is combined with the
     *     {@code __Host-} prefix, SameSite=None or Partitioned, which browsers refuse without
     *     Secure; if the legacy cookie's name is the tracker's; or, with {@link
     *     PayloadFormat#IRON_SESSION}, if the current password id is not a number
     */
    public TrackerConfig build() {
      if (cookieAttributes != null) {
        cookie = cookieAttributes.build();
      }
      IronPasswords given = passwords;
      String givenSingle = singlePassword;
      builtRing = ringFromFilesOrGiven();
      if (builtRing != null) {
        given = passwordsNow(builtRing);
        givenSingle = null;
      }
      if (given == null) {
        throw new IllegalStateException(
            "No tracker password: set "
                + TrackerSettings.describe(TrackerSettings.PASSWORD)
                + ", or call password(...)");
      }
      checkStrength();
      if (insecureLoopbackForDevelopment
          && (cookie.hostPrefix()
              || cookie.partitioned()
              || cookie.sameSite() == CookieSettings.SameSite.NONE)) {
        throw new IllegalArgumentException(
            "insecureLoopbackForDevelopment cannot be combined with"
                + " hostPrefix, partitioned or sameSite NONE: browsers refuse those without Secure");
      }
      if (slidingExpiry != null && ttl != null) {
        throw new IllegalStateException(
            "slidingExpiry and ttl cannot both be set: with sliding"
                + " expiry, each seal's lifetime is the sliding one");
      }
      if (slidingExpiry != null
          && cookie.maxAgeSet()
          && cookie.maxAge().compareTo(slidingExpiry) < 0) {
        // The Max-Age written is the sliding lifetime: a shorter one (a session cookie included)
        // would be silently replaced by a longer one.
        throw new IllegalStateException(
            TrackerSettings.describe(TrackerSettings.COOKIE_MAX_AGE)
                + " cannot be shorter than "
                + TrackerSettings.describe(TrackerSettings.SLIDING_EXPIRY)
                + " (a session cookie included): with sliding expiry the cookie's Max-Age is the"
                + " sliding lifetime; leave maxAge unset");
      }
      if (sealsNeverExpire && (ttl != null || slidingExpiry != null)) {
        throw new IllegalStateException(
            "sealsNeverExpire cannot be combined with ttl or slidingExpiry, which give seals an"
                + " expiration");
      }
      if (legacySecret != null && legacyCookieName.equals(cookie.cookieName())) {
        throw new IllegalArgumentException(
            "legacyCookieName must differ from the tracker cookie's name");
      }
      IronPasswords sealing = payloadFormat.passwords(given, givenSingle);
      TrackerConfig config = new TrackerConfig(this, sealing);
      if (revocation != null && config.sealTtl().isZero()) {
        // A revoked entry is kept until the seal it revokes expires, and a subject's cookies are
        // dated by their expiration less the lifetime: both need every seal to expire.
        throw new IllegalStateException(
            "Revocation needs seals that expire, but "
                + TrackerSettings.describe(TrackerSettings.SEALS_NEVER_EXPIRE)
                + " is set: without an expiration a revocation could never be forgotten, and a"
                + " cookie's issue time could not be told from its expiration");
      }
      // Ask the codec and the legacy decoder now, so that a config that builds also starts.
      try {
        EngineFactory.codec(config);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "The tracker passwords ("
                + TrackerSettings.describe(TrackerSettings.PASSWORD)
                + "): "
                + e.getMessage());
      }
      if (legacySecret != null) {
        try {
          LegacySessionDecoder.builder().secret(legacySecret).timeout(legacyTimeout).build();
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "The legacy secret ("
                  + TrackerSettings.describe(TrackerSettings.LEGACY_SECRET)
                  + ") is unusable: "
                  + e.getMessage());
        }
      }
      return config;
    }

    /**
     * The ring given, or read from the files now.
     *
     * @throws IllegalArgumentException naming the setting and the file, never its content
     */
    private PasswordRing ringFromFilesOrGiven() {
      if (passwordFiles == null) {
        return passwordRing;
      }
      String setting =
          passwordFiles.isDirectory()
              ? TrackerSettings.PASSWORD_DIR
              : TrackerSettings.PASSWORD_FILE;
      try {
        return passwordFiles.read(MIN_PASSWORD_LENGTH, allowWeakPassword);
      } catch (PasswordFiles.UnusableException e) {
        throw new IllegalArgumentException(
            "The tracker passwords (" + TrackerSettings.describe(setting) + "): " + e.getMessage());
      }
    }

    /** The ring's passwords in force now. */
    private IronPasswords passwordsNow(PasswordRing ring) {
      Instant now = clock.instant();
      if (!ring.isSingle() && ring.sealingIdAt(now).isEmpty()) {
        throw new IllegalArgumentException(
            "No tracker password seals yet: every one has a seal-from instant in the future");
      }
      IronPasswords inForce = null;
      for (PasswordRing.Period period : ring.periods()) {
        if (inForce == null || !period.from().isAfter(now)) {
          inForce = period.passwords();
        }
      }
      return inForce;
    }

    private void checkStrength() {
      if (allowWeakPassword) {
        return;
      }
      for (Map.Entry<String, String> text : passwordTexts.entrySet()) {
        WeakPasswords.ruleBroken(text.getValue())
            .ifPresent(
                rule -> {
                  throw new IllegalArgumentException(
                      "The password "
                          + TrackerSettings.describe(text.getKey())
                          + " is refused as weak: "
                          + rule
                          + "; java -jar tracker-cookie.jar keygen prints a random one ("
                          + TrackerSettings.describe(TrackerSettings.ALLOW_WEAK_PASSWORD)
                          + " = true allows weak ones, for tests)");
                });
      }
    }
  }
}
