package io.trackercookie;

import static io.trackercookie.settings.SettingNames.describe;

import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The tracker cookie's name and attributes. Immutable; built by {@link #builder()}, which checks
 * every value and the combinations browsers refuse ({@code SameSite=None}, {@code Partitioned}, the
 * {@code __Host-} prefix and a name starting {@code __Host-} or {@code __Secure-} all need {@code
 * Secure}; {@code __Host-} also needs path {@code /} and no domain).
 *
 * <pre>{@code
 * CookieSettings cookie = CookieSettings.builder()
 *     .name("visit")
 *     .maxAge(Duration.ofHours(1))
 *     .sameSite(CookieSettings.SameSite.STRICT)
 *     .build();
 * TrackerConfig config = TrackerConfig.builder().password(password).cookie(cookie).build();
 * }</pre>
 *
 * <p>{@link TrackerConfig.Builder} sets the same attributes one by one ({@code
 * TrackerConfig.builder().maxAge(...).secure(...)}); both ways check the same rules. The settings
 * {@code tracker.cookie.*} ({@link TrackerSettings}) set them by name.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><td>name</td><td>{@code persistent-information} (as npm tracker-cookie)</td></tr>
 *   <tr><td>maxAge</td><td>30 days ({@link Duration#ZERO}: a session cookie)</td></tr>
 *   <tr><td>path</td><td>{@code /}</td></tr>
 *   <tr><td>domain</td><td>none (host-only)</td></tr>
 *   <tr><td>secure</td><td>true</td></tr>
 *   <tr><td>httpOnly</td><td>true</td></tr>
 *   <tr><td>sameSite</td><td>{@link SameSite#LAX}</td></tr>
 *   <tr><td>partitioned</td><td>false</td></tr>
 *   <tr><td>hostPrefix</td><td>false (true: the name is sent as {@code __Host-<name>})</td></tr>
 * </table>
 */
public final class CookieSettings {

  /** tracker-cookie's cookie name. */
  public static final String DEFAULT_NAME = "persistent-information";

  /** tracker-cookie's cookie max age. */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

  /** The default Path: the whole site. */
  public static final String DEFAULT_PATH = "/";

  /**
   * The default SameSite: sent on top-level navigations from other sites, not on their requests.
   */
  public static final SameSite DEFAULT_SAME_SITE = SameSite.LAX;

  /** The longest Max-Age: browsers cap a cookie's lifetime at 400 days (RFC 6265bis). */
  public static final Duration MAX_MAX_AGE = Duration.ofDays(400);

  /** The prefix browsers accept only on a Secure, host-only cookie with path {@code /}. */
  public static final String HOST_PREFIX = "__Host-";

  /** The prefix browsers accept only on a Secure cookie. */
  public static final String SECURE_PREFIX = "__Secure-";

  /** The SameSite attribute. */
  public enum SameSite {
    /** Sent on same-site requests and on top-level navigations from other sites (the default). */
    LAX("Lax"),
    /** Sent on same-site requests only, not even when another site links here. */
    STRICT("Strict"),
    /** Sent on cross-site requests too; browsers then require {@code Secure}. */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
      this.attributeValue = attributeValue;
    }

    /** The attribute's value as written in Set-Cookie. */
    public String attributeValue() {
      return attributeValue;
    }
  }

  private final String name;
  private final Duration maxAge;
  private final boolean maxAgeSet;
  private final String path;
  private final @Nullable String domain; // null: host-only
  private final boolean secure;
  private final boolean httpOnly;
  private final SameSite sameSite;
  private final boolean partitioned;
  private final boolean hostPrefix;

  private CookieSettings(Builder b) {
    this.name = b.name;
    this.maxAge = b.maxAge;
    this.maxAgeSet = b.maxAgeSet;
    this.path = b.path;
    this.domain = b.domain;
    this.secure = b.secure;
    this.httpOnly = b.httpOnly;
    this.sameSite = b.sameSite;
    this.partitioned = b.partitioned;
    this.hostPrefix = b.hostPrefix;
  }

  /** The defaults listed above. */
  public static CookieSettings defaults() {
    return builder().build();
  }

  /** A builder with the defaults listed above. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.name = name;
    b.maxAge = maxAge;
    b.maxAgeSet = maxAgeSet;
    b.path = path;
    b.domain = domain;
    b.secure = secure;
    b.httpOnly = httpOnly;
    b.sameSite = sameSite;
    b.partitioned = partitioned;
    b.hostPrefix = hostPrefix;
    return b;
  }

  /** The name as configured, without any {@code __Host-} prefix. */
  public String name() {
    return name;
  }

  /** The name on the wire: {@code __Host-} + name when {@link #hostPrefix()} is on. */
  public String cookieName() {
    return hostPrefix ? HOST_PREFIX + name : name;
  }

  /** Max-Age; {@link Duration#ZERO} for a session cookie (no Max-Age, no Expires). */
  public Duration maxAge() {
    return maxAge;
  }

  /**
   * Whether {@link Builder#maxAge} was called: a payload format's own Max-Age never replaces it,
   * and a start-up warning says when a ttl shortens it.
   */
  public boolean maxAgeSet() {
    return maxAgeSet;
  }

  /** The Path attribute. */
  public String path() {
    return path;
  }

  /** The Domain attribute, or null for a host-only cookie. */
  public @Nullable String domain() {
    return domain;
  }

  /** The Secure attribute. */
  public boolean secure() {
    return secure;
  }

  /** The HttpOnly attribute. */
  public boolean httpOnly() {
    return httpOnly;
  }

  /** The SameSite attribute. */
  public SameSite sameSite() {
    return sameSite;
  }

  /** The Partitioned attribute (CHIPS). */
  public boolean partitioned() {
    return partitioned;
  }

  /** Whether the name is sent with the {@code __Host-} prefix. */
  public boolean hostPrefix() {
    return hostPrefix;
  }

  @Override
  public String toString() {
    return "CookieSettings[name="
        + cookieName()
        + ", maxAge="
        + maxAge
        + ", path="
        + path
        + ", domain="
        + domain
        + ", secure="
        + secure
        + ", httpOnly="
        + httpOnly
        + ", sameSite="
        + sameSite
        + ", partitioned="
        + partitioned
        + "]";
  }

  /**
   * The prefix a cookie name starts with that browsers accept only with Secure ({@value
   * #HOST_PREFIX} or {@value #SECURE_PREFIX}, matched without regard to case as RFC 6265bis does),
   * or null for none.
   */
  static @Nullable String securePrefixOf(String name) {
    for (String prefix : new String[] {HOST_PREFIX, SECURE_PREFIX}) {
      if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
        return prefix;
      }
    }
    return null;
  }

  /**
   * Checks that a cookie name is an RFC 6265 token.
   *
   * @throws IllegalArgumentException naming the setting and the first character refused (1-based)
   */
  static void checkName(String setting, String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException(setting + " must not be empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 0x20 || c >= 0x7f || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
        String shown = c > 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        throw new IllegalArgumentException(
            setting
                + " must be an RFC 6265 token; character "
                + (i + 1)
                + " ("
                + shown
                + ") is not allowed");
      }
    }
  }

  /** Builds {@link CookieSettings}; setters check their value at once. Not thread-safe. */
  public static final class Builder {
    private String name = DEFAULT_NAME;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private boolean maxAgeSet;
    private String path = DEFAULT_PATH;
    private @Nullable String domain;
    private boolean secure = true;
    private boolean httpOnly = true;
    private SameSite sameSite = DEFAULT_SAME_SITE;
    private boolean partitioned;
    private boolean hostPrefix;

    private Builder() {}

    /**
     * The cookie name, an RFC 6265 token. A name starting {@value CookieSettings#HOST_PREFIX} is
     * held to the rules of {@link #hostPrefix}, one starting {@value CookieSettings#SECURE_PREFIX}
     * needs Secure ({@link #build()} checks): browsers drop such cookies otherwise.
     *
     * @throws IllegalArgumentException if empty or not a token
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      checkName("cookie name", name);
      this.name = name;
      return this;
    }

    /**
     * The cookie's Max-Age; {@link Duration#ZERO} for a session cookie; default 30 days. Kept as
     * set whatever the payload format, but never longer than the seal's ttl (it is shortened to the
     * ttl).
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if negative, not whole seconds, or longer than {@link
     *     #MAX_MAX_AGE} (400 days, the most browsers keep)
     */
    public Builder maxAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxAge");
      if (maxAge.isNegative()) {
        throw new IllegalArgumentException("cookie maxAge must not be negative, was " + maxAge);
      }
      if (maxAge.toNanosPart() != 0) {
        throw new IllegalArgumentException(
            "cookie maxAge must be whole seconds (Max-Age has no fractions), was " + maxAge);
      }
      if (maxAge.compareTo(MAX_MAX_AGE) > 0) {
        throw new IllegalArgumentException(
            "cookie maxAge must be at most 400 days, which browsers cap it to, was " + maxAge);
      }
      this.maxAge = maxAge;
      this.maxAgeSet = true;
      return this;
    }

    /**
     * The cookie's Path; default {@code /}.
     *
     * @throws IllegalArgumentException unless it starts with '/' and has no ';' or control char
     */
    public Builder path(String path) {
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("cookie path must start with '/'");
      }
      checkAttributeValue("cookie path", path);
      this.path = path;
      return this;
    }

    /**
     * The Domain attribute; null for a host-only cookie (the default).
     *
     * @throws IllegalArgumentException if empty or not a host name: dot-separated labels of ASCII
     *     letters, digits and '-' (not at a label's ends), each 1 to 63 characters, 253 in all,
     *     with an optional leading dot. Browsers silently drop a cookie whose domain is anything
     *     else.
     */
    public Builder domain(@Nullable String domain) {
      if (domain != null) {
        if (domain.isEmpty()) {
          throw new IllegalArgumentException("cookie domain must not be empty; use null for none");
        }
        if (!isHostName(domain.startsWith(".") ? domain.substring(1) : domain)) {
          throw new IllegalArgumentException(
              "cookie domain must be a host name (letters, digits, '-' and dots; an optional"
                  + " leading dot)");
        }
      }
      this.domain = domain;
      return this;
    }

    private static boolean isHostName(String host) {
      if (host.isEmpty() || host.length() > 253) {
        return false;
      }
      for (String label : host.split("\\.", -1)) {
        if (label.isEmpty()
            || label.length() > 63
            || label.startsWith("-")
            || label.endsWith("-")
            || !label
                .chars()
                .allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '-'))) {
          return false;
        }
      }
      return true;
    }

    /** The Secure attribute; default true. */
    public Builder secure(boolean secure) {
      this.secure = secure;
      return this;
    }

    /** The HttpOnly attribute; default true. */
    public Builder httpOnly(boolean httpOnly) {
      this.httpOnly = httpOnly;
      return this;
    }

    /**
     * The SameSite attribute; default {@link SameSite#LAX}. {@code NONE} needs Secure.
     *
     * @throws NullPointerException if null
     */
    public Builder sameSite(SameSite sameSite) {
      this.sameSite = Objects.requireNonNull(sameSite, "sameSite");
      return this;
    }

    /** CHIPS: the browser keys the cookie by top-level site too. Needs Secure. */
    public Builder partitioned(boolean partitioned) {
      this.partitioned = partitioned;
      return this;
    }

    /** Sends the cookie as {@code __Host-<name>}; needs Secure, path {@code /} and no domain. */
    public Builder hostPrefix(boolean hostPrefix) {
      this.hostPrefix = hostPrefix;
      return this;
    }

    /**
     * The settings, once their combination is checked.
     *
     * @throws IllegalStateException for a combination browsers refuse: SameSite=None, Partitioned,
     *     the {@code __Host-} prefix (the flag or a name starting with it) or a name starting
     *     {@code __Secure-} without Secure; the {@code __Host-} prefix with a path other than '/'
     *     or with a domain
     */
    public CookieSettings build() {
      String namePrefix = securePrefixOf(name);
      if (namePrefix != null) {
        // Browsers hold a name written with the prefix to the same rules as the hostPrefix flag.
        String named =
            "a cookie name starting " + namePrefix + ", " + describe(SettingNames.COOKIE_NAME);
        if (!secure) {
          throw new IllegalStateException(
              named + ", requires secure(true), " + describe(SettingNames.COOKIE_SECURE));
        }
        if (namePrefix.equals(HOST_PREFIX) && !"/".equals(path)) {
          throw new IllegalStateException(
              named + ", requires path \"/\", " + describe(SettingNames.COOKIE_PATH));
        }
        if (namePrefix.equals(HOST_PREFIX) && domain != null) {
          throw new IllegalStateException(
              named + ", requires no domain, " + describe(SettingNames.COOKIE_DOMAIN));
        }
      }
      if (sameSite == SameSite.NONE && !secure) {
        throw new IllegalStateException("cookie sameSite NONE requires secure(true)");
      }
      if (partitioned && !secure) {
        throw new IllegalStateException("cookie partitioned requires secure(true)");
      }
      if (hostPrefix) {
        if (!secure) {
          throw new IllegalStateException("cookie hostPrefix (__Host-) requires secure(true)");
        }
        if (!"/".equals(path)) {
          throw new IllegalStateException("cookie hostPrefix (__Host-) requires path \"/\"");
        }
        if (domain != null) {
          throw new IllegalStateException("cookie hostPrefix (__Host-) requires no domain");
        }
      }
      return new CookieSettings(this);
    }

    private static void checkAttributeValue(String setting, String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c <= 0x20 || c >= 0x7f || c == ';') {
          throw new IllegalArgumentException(
              setting + " must be printable ASCII without ';' or spaces");
        }
      }
    }
  }
}
