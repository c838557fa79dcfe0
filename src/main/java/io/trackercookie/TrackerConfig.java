package io.trackercookie;

import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.keys.PasswordSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@link TrackerFeature} needs, as groups of options each with its own builder and rules
 * ({@link PasswordSource}, {@link Lifetimes}, {@link CookieSettings}, {@link CookieBudget}, {@link
 * SealCacheOptions}, {@link LegacyCookies}, {@link RevocationOptions}, {@link SignInOptions},
 * {@link CrossSiteProtection}, {@link JsonOptions}), and the few options of its own. Immutable and
 * thread-safe. {@link #builder()} takes each group whole ({@code .lifetimes(...)}) or one option at
 * a time through a shortcut ({@code .ttl(...)}); {@link Builder#build()} builds the groups and
 * checks the rules that span them. There is no insecure default and no default password; {@link
 * #toString()} never shows a secret.
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

  /**
   * The response header that names why a request's tracker cookie was refused, when {@link
   * #diagnostics()} is on: {@code Tracker-Diagnostics: rejected=BAD_MAC}.
   */
  public static final String DIAGNOSTICS_HEADER = "Tracker-Diagnostics";

  /** The default request property under which the Tracker is also available. */
  public static final String DEFAULT_REQUEST_ATTRIBUTE = "tracker";

  /** The default payload format: what npm tracker-cookie writes. */
  public static final PayloadFormat DEFAULT_PAYLOAD_FORMAT = PayloadFormat.TRACKER_COOKIE;

  // Salt reuse by default: seals per salt pair, and for how long (see Builder.ironOptions).
  private static final int DEFAULT_SALT_REUSE_SEALS = 10_000;
  private static final Duration DEFAULT_SALT_REUSE_MAX_AGE = Duration.ofMinutes(1);

  private final PasswordSource passwordSource;
  private final IronPasswords passwords; // in force at build, as the format seals with them
  private final IronOptions ironOptions;
  private final Lifetimes lifetimes;
  private final CookieSettings cookie;
  private final CookieBudget cookieBudget;
  private final SealCacheOptions sealCache;
  private final LegacyCookies legacy;
  private final @Nullable RevocationOptions revocation; // null: off
  private final @Nullable SignInOptions signIn; // null: off
  private final CrossSiteProtection crossSite;
  private final JsonOptions json;
  private final String requestAttribute;
  private final PayloadFormat payloadFormat;
  private final List<TrackerListener> listeners;
  private final boolean insecureLoopbackForDevelopment;
  private final boolean diagnostics;
  private final Clock clock;
  // Derived from several groups once, when built.
  private final Duration sealTtl;
  private final Duration cookieMaxAge;
  private final IronOptions sealOptions;

  // Builds each group, then derives what spans them; IllegalArgumentException when the format
  // cannot seal with the passwords in force or write a cookie for the seal's lifetime, or when no
  // password of a key schedule seals yet.
  private TrackerConfig(Builder b) {
    this.cookie = SignedInSessions.cookieFor(b);
    this.passwordSource = b.passwordSource.build();
    this.lifetimes = b.lifetimes.build();
    this.cookieBudget = b.cookieBudget.build();
    this.sealCache = b.sealCache.build();
    this.legacy = b.legacy.build();
    this.revocation = b.revocation;
    this.signIn = b.signIn;
    this.crossSite = b.crossSite.build();
    this.json = b.json;
    this.ironOptions = b.ironOptions;
    this.requestAttribute = b.requestAttribute;
    this.payloadFormat = b.payloadFormat;
    this.listeners = List.copyOf(b.listeners);
    this.insecureLoopbackForDevelopment = b.insecureLoopbackForDevelopment;
    this.diagnostics = b.diagnostics;
    this.clock = b.clock;
    this.passwords =
        payloadFormat.passwords(
            passwordSource.passwordsAt(clock.instant()),
            passwordSource.singlePassword().orElse(null));
    this.sealTtl = longestSealLifetime(lifetimes.sealTtl(payloadFormat, cookie), signIn);
    this.cookieMaxAge = lifetimes.cookieMaxAge(payloadFormat, cookie);
    IronOptions.Builder seal = ironOptions.toBuilder().clock(clock).ttl(sealTtl);
    if (cookieBudget.maxChunks() > 0) {
      // Room for every chunk's value; each cookie is still bounded by the header parser.
      seal.maxSealLength(Math.max(ironOptions.maxSealLength(), cookieBudget.chunkedSealLength()));
    }
    this.sealOptions = seal.build();
  }

  /**
   * The longest lifetime a seal gets: the lifetimes' own, or a remembered sign-in's when that is
   * longer (every other seal is then given the lifetimes' own as a bound of its expiration).
   */
  private static Duration longestSealLifetime(Duration lifetimes, @Nullable SignInOptions signIn) {
    if (signIn == null || lifetimes.isZero() || signIn.rememberFor().compareTo(lifetimes) <= 0) {
      return lifetimes;
    }
    return signIn.rememberFor();
  }

  /** A builder with the defaults; only the password must be given. */
  public static Builder builder() {
    return new Builder();
  }

  /** A config from named settings; the same as {@link TrackerSettings#read}, which says more. */
  public static TrackerConfig fromSettings(Function<String, @Nullable String> lookup) {
    return TrackerSettings.read(lookup);
  }

  /** Where the passwords come from: files, a key schedule, or as given. */
  public PasswordSource passwordSource() {
    return passwordSource;
  }

  /**
   * The passwords that seal and open, in force when the config was built (the engine follows a
   * {@linkplain PasswordSource#ring() ring} from then on), as the payload format seals with them.
   */
  public IronPasswords passwords() {
    return passwords;
  }

  /** iron's options as given, without the ttl and the clock; see {@link #sealOptions()}. */
  public IronOptions ironOptions() {
    return ironOptions;
  }

  /** {@link #ironOptions()} with the clock, {@link #sealTtl()} and room for every chunk. */
  public IronOptions sealOptions() {
    return sealOptions;
  }

  /** How long seals are accepted: ttl, sliding expiry, or none. */
  public Lifetimes lifetimes() {
    return lifetimes;
  }

  /** The tracker cookie's name and attributes. */
  public CookieSettings cookie() {
    return cookie;
  }

  /** What the tracker's cookies may add to the Cookie header, and chunking. */
  public CookieBudget cookieBudget() {
    return cookieBudget;
  }

  /** The verified-seal cache's bounds. */
  public SealCacheOptions sealCache() {
    return sealCache;
  }

  /** Reading legacy cookie-sessions cookies; {@link LegacyCookies#off()} unless a secret is set. */
  public LegacyCookies legacy() {
    return legacy;
  }

  /** Revocation's options, if it is on ({@link Tracker#revoke()}, {@link Revocations}). */
  public Optional<RevocationOptions> revocation() {
    return Optional.ofNullable(revocation);
  }

  /**
   * Signed-in sessions' options, if sign-in is on ({@link Tracker#signIn}, the absolute lifetime,
   * remembered sign-ins).
   */
  public Optional<SignInOptions> signIn() {
    return Optional.ofNullable(signIn);
  }

  /**
   * The protection against cross-site request forgery; {@link CrossSiteProtection#off()} by
   * default.
   */
  public CrossSiteProtection crossSite() {
    return crossSite;
  }

  /** How values become JSON and back: the mapper, and whether typed reads are strict. */
  public JsonOptions json() {
    return json;
  }

  /** The request property under which the Tracker is also available; default {@code tracker}. */
  public String requestAttribute() {
    return requestAttribute;
  }

  /** What new seals hold; every format is read. Default {@link #DEFAULT_PAYLOAD_FORMAT}. */
  public PayloadFormat payloadFormat() {
    return payloadFormat;
  }

  /** The listeners, in the order they were added; unmodifiable. */
  public List<TrackerListener> listeners() {
    return listeners;
  }

  /**
   * Whether Secure is omitted for plain-http requests to a loopback host; development only, off by
   * default.
   */
  public boolean insecureLoopbackForDevelopment() {
    return insecureLoopbackForDevelopment;
  }

  /** Whether responses name why a cookie was refused, in {@link #DIAGNOSTICS_HEADER}. */
  public boolean diagnostics() {
    return diagnostics;
  }

  /** The clock for Expires and seal expirations; the system clock unless a test set one. */
  public Clock clock() {
    return clock;
  }

  /**
   * The longest lifetime a seal gets, iron's ttl: {@link Lifetimes#sealTtl} for this config's
   * format and cookie, or with sign-in on {@link SignInOptions#rememberFor()} if that is longer;
   * zero for none.
   */
  public Duration sealTtl() {
    return sealTtl;
  }

  /** {@link Lifetimes#cookieMaxAge} for this config's format and cookie; zero: session. */
  public Duration cookieMaxAge() {
    return cookieMaxAge;
  }

  @Override
  public String toString() {
    return String.format(
        "TrackerConfig[%s, %s, %s, sealTtl=%s, %s, %s, %s, sealCache=%s, legacy=%s, revocation=%s,"
            + " signIn=%s, %s, %s, requestAttribute=%s, payloadFormat=%s, listeners=%d,"
            + " insecureLoopbackForDevelopment=%s, diagnostics=%s]",
        passwords,
        passwordSource,
        ironOptions,
        lifetimes.sealsNeverExpire() ? "none" : sealTtl,
        lifetimes,
        cookie,
        cookieBudget,
        sealCache,
        legacy,
        revocation == null ? "off" : revocation,
        signIn == null ? "off" : signIn,
        crossSite,
        json,
        requestAttribute,
        payloadFormat,
        listeners.size(),
        insecureLoopbackForDevelopment,
        diagnostics);
  }

  /**
   * Builds {@link TrackerConfig}. A group set whole ({@link #lifetimes}, {@link #cookie}, ...)
   * replaces what its shortcuts set before; shortcuts after it change that value. Each shortcut
   * calls its group's setter, which checks the value at once. Not thread-safe.
   */
  public static final class Builder extends GroupShortcuts {
    CrossSiteProtection.Builder crossSite = CrossSiteProtection.builder();
    private @Nullable RevocationOptions revocation; // null: off
    private @Nullable SignInOptions signIn;
    private JsonOptions json = JsonOptions.defaults();
    // iron's defaults, except that seals share a salt pair for up to 10 000 seals or one minute:
    // a seal then skips deriving two keys, and readers are unaffected (see SECURITY.md).
    private IronOptions ironOptions =
        IronOptions.builder()
            .saltReuse(DEFAULT_SALT_REUSE_SEALS, DEFAULT_SALT_REUSE_MAX_AGE)
            .build();
    private String requestAttribute = DEFAULT_REQUEST_ATTRIBUTE;
    private PayloadFormat payloadFormat = DEFAULT_PAYLOAD_FORMAT;
    private final List<TrackerListener> listeners = new ArrayList<>();
    private boolean insecureLoopbackForDevelopment;
    private boolean diagnostics;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Where the passwords come from; replaces what the password shortcuts set before. */
    public Builder passwordSource(PasswordSource source) {
      this.passwordSource = Objects.requireNonNull(source, "passwordSource").toBuilder();
      return this;
    }

    /** The lifetimes; replaces what {@link #ttl}, {@link #slidingExpiry}, ... set before. */
    public Builder lifetimes(Lifetimes lifetimes) {
      this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes").toBuilder();
      return this;
    }

    /** The cookie's name and attributes; replaces what {@link #maxAge}, ... set before. */
    public Builder cookie(CookieSettings cookie) {
      this.cookie = Objects.requireNonNull(cookie, "cookie").toBuilder();
      this.hostPrefixFromPreset = false;
      return this;
    }

    /** The Cookie-header budget and chunking; replaces what their shortcuts set before. */
    public Builder cookieBudget(CookieBudget budget) {
      this.cookieBudget = Objects.requireNonNull(budget, "cookieBudget").toBuilder();
      return this;
    }

    /** The verified-seal cache's bounds; replaces what {@link #sealCache(int, long)} set before. */
    public Builder sealCache(SealCacheOptions options) {
      this.sealCache = Objects.requireNonNull(options, "sealCache").toBuilder();
      return this;
    }

    /** Reading legacy cookies; replaces what the legacy shortcuts set before. */
    public Builder legacy(LegacyCookies legacy) {
      this.legacy = Objects.requireNonNull(legacy, "legacy").toBuilder();
      return this;
    }

    /**
     * Turns revocation on: {@link Tracker#revoke()} and {@link Revocations#revokeAllFor} make
     * cookies read as empty on every node sharing the store. Needs seals that expire ({@link
     * #build()} checks). Off by default, at no cost.
     */
    public Builder revocation(RevocationOptions options) {
      this.revocation = Objects.requireNonNull(options, "revocation");
      return this;
    }

    /**
     * The protection against cross-site request forgery, for every unsafe request of the
     * application: {@code .crossSite(CrossSiteProtection.on())} turns it on. Off by default.
     */
    public Builder crossSite(CrossSiteProtection protection) {
      this.crossSite = Objects.requireNonNull(protection, "crossSite").toBuilder();
      return this;
    }

    /**
     * How values become JSON and back: the application's own {@code ObjectMapper} ({@code
     * .json(JsonOptions.builder().objectMapper(mapper).build())}), strict typed reads. By default
     * the tracker's own mapper, which writes {@code java.time} values as ISO-8601 text.
     */
    public Builder json(JsonOptions options) {
      this.json = Objects.requireNonNull(options, "json");
      return this;
    }

    /** Turns revocation off (the default). */
    public Builder noRevocation() {
      this.revocation = null;
      return this;
    }

    /** Whether insecureLoopbackForDevelopment is set so far; for the preset. */
    boolean developmentLoopback() {
      return insecureLoopbackForDevelopment;
    }

    /** Whether revocation is on so far; for the preset. */
    boolean revocationOn() {
      return revocation != null;
    }

    /**
     * Turns signed-in sessions on: {@link Tracker#signIn}, {@link Tracker#renew}, {@link
     * Tracker#signOut}, the absolute lifetime and remembered sign-ins. Off by default; {@link
     * #build()} refuses it with {@link #sealsNeverExpire()}.
     */
    public Builder signIn(SignInOptions options) {
      this.signIn = Objects.requireNonNull(options, "signIn");
      return this;
    }

    /** Turns signed-in sessions off (the default). */
    public Builder noSignIn() {
      this.signIn = null;
      return this;
    }

    /**
     * The preset for signed-in sessions, each default chosen for OWASP ASVS's session rows: sign-in
     * on with {@link SignInOptions#defaults()} (a 12-hour absolute lifetime), sliding expiry of 30
     * minutes (the idle timeout), revocation on (embedded unless revocation was set before, such as
     * Redis), a {@code __Host-} cookie, Secure, HttpOnly and SameSite=Lax ({@code __Host-} is left
     * off with {@link #insecureLoopbackForDevelopment}), and the cross-site protection on ({@link
     * CrossSiteProtection#on()}, the token not required). It sets those options as if called here:
     * calls after it change them. The same as the setting {@code
     * tracker.preset=signed-in-sessions}; docs/configuration.md says why each.
     */
    public Builder signedInSessions() {
      SignedInSessions.applyTo(this);
      return this;
    }

    /**
     * iron's options (algorithm, iterations, salt sizes, skew, salt reuse): iron's defaults, plus
     * salt reuse for 10 000 seals or one minute; options given here are used as they are. The ttl
     * and the clock are this builder's ({@link #ttl}, {@link #clock}).
     *
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
     * The request property under which the Tracker is also set; default {@value
     * TrackerConfig#DEFAULT_REQUEST_ATTRIBUTE}.
     *
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

    /** What new seals hold; every format is read. Default {@link PayloadFormat#TRACKER_COOKIE}. */
    public Builder payloadFormat(PayloadFormat format) {
      this.payloadFormat = Objects.requireNonNull(format, "payloadFormat");
      return this;
    }

    /** Adds a listener told of cookies opened, rejected, sealed and revoked. */
    public Builder listener(TrackerListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Development only: omit Secure when the request came over plain http to a loopback host
     * (localhost, 127.0.0.0/8, ::1). Other hosts and https requests keep Secure. Logs a WARNING.
     */
    public Builder insecureLoopbackForDevelopment(boolean enabled) {
      this.insecureLoopbackForDevelopment = enabled;
      return this;
    }

    /**
     * Development only: a response whose request brought a refused tracker cookie carries {@value
     * TrackerConfig#DIAGNOSTICS_HEADER}{@code : rejected=REASON} (each {@link RejectionReason},
     * never a value), which tells a client how far its forgeries got. Logs a WARNING.
     */
    public Builder diagnostics(boolean enabled) {
      this.diagnostics = enabled;
      return this;
    }

    /** The clock for Expires and seal expiration; there for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds each group, then checks the rules between them.
     *
     * @throws IllegalStateException as a group's build throws; if the cookie's Max-Age is shorter
     *     than slidingExpiry; if revocation or sign-in is on with sealsNeverExpire; if sign-in and
     *     revocation name different subject keys
     * @throws IllegalArgumentException as a group's build throws; if insecureLoopbackForDevelopment
     *     is combined with hostPrefix, partitioned or SameSite=None; if the legacy cookie's name is
     *     the tracker's; if the payload format or the codec refuse the passwords in force
     */
    public TrackerConfig build() {
      TrackerConfig config = new TrackerConfig(this);
      ConfigRules.check(config);
      return config;
    }
  }
}
