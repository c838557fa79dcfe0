package io.trackercookie;

import io.trackercookie.payload.PayloadLayout;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Signed-in sessions ({@link Tracker#signIn}): the tracker key that holds the subject, the absolute
 * lifetime counted from sign-in, and how long a remembered sign-in's persistent cookie lives. Off
 * unless given ({@link TrackerConfig.Builder#signIn}, a {@code tracker.signIn.*} setting, or the
 * {@linkplain TrackerConfig.Builder#signedInSessions() preset}). Immutable; each setter checks its
 * value and {@link Builder#build()} checks how they combine.
 *
 * <p>No seal of a signed-in tracker opens past its sign-in time plus {@link #absoluteLifetime()},
 * whatever writes, reseals or sliding reissues come between: each seal's expiration is capped
 * there. A sign-in with a session cookie ({@link SignInCookie#SESSION}) gets a cookie without
 * Max-Age whose seal lives the idle timeout (the sliding lifetime, or the ttl) from each write; a
 * remembered one ({@link SignInCookie#PERSISTENT}) gets a persistent cookie and seal that end
 * {@link #rememberFor()} after sign-in, however idle the visitor.
 *
 * <pre>{@code
 * TrackerConfig.builder().password(secret).slidingExpiry(Duration.ofMinutes(30))
 *     .signIn(SignInOptions.builder().absoluteLifetime(Duration.ofHours(12)).build())
 *     .build();
 * }</pre>
 */
public final class SignInOptions {

  /**
   * The default absolute lifetime: 12 hours, OWASP ASVS 4.0.3's re-authentication period for level
   * 2 (3.3.2), long enough for a working day.
   */
  public static final Duration DEFAULT_ABSOLUTE_LIFETIME = Duration.ofHours(12);

  /**
   * The {@link jakarta.ws.rs.core.SecurityContext#getAuthenticationScheme()} of a signed-in
   * request: none of the servlet schemes (BASIC, FORM, ...) names a sealed cookie, so the tracker
   * names its own.
   */
  public static final String AUTHENTICATION_SCHEME = "TRACKER";

  /** The default tracker key of the subject. */
  public static final String DEFAULT_SUBJECT_KEY = "subject";

  /** The shortest lifetime: iron accepts a seal 60 s past its expiration, as for the ttl. */
  public static final Duration MIN_LIFETIME = Lifetimes.MIN_TTL;

  /**
   * The longest absolute lifetime: the longest Max-Age browsers keep (400 days), since a remembered
   * sign-in's cookie lives within it.
   */
  public static final Duration MAX_ABSOLUTE_LIFETIME = CookieSettings.MAX_MAX_AGE;

  private final Duration absoluteLifetime;
  private final @Nullable Duration rememberFor; // null: the absolute lifetime
  private final String subjectKey;
  private final RoleResolver roleResolver;
  private final @Nullable String rolesKey; // null: roles come from the resolver

  private SignInOptions(Builder b) {
    this.absoluteLifetime = b.absoluteLifetime;
    this.rememberFor = b.rememberFor;
    this.subjectKey = b.subjectKey;
    this.roleResolver = b.roleResolver;
    this.rolesKey = b.rolesKey;
  }

  /** Sign-in with every default: 12 hours absolute, remembered for as long, key {@code subject}. */
  public static SignInOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults: 12 hours absolute, remembered as long, key {@code subject}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.absoluteLifetime = absoluteLifetime;
    b.rememberFor = rememberFor;
    b.subjectKey = subjectKey;
    b.roleResolver = roleResolver;
    b.resolverSet = true;
    b.rolesKey = rolesKey;
    return b;
  }

  /** How long after sign-in every seal of the session stops opening. */
  public Duration absoluteLifetime() {
    return absoluteLifetime;
  }

  /**
   * How long after sign-in a remembered sign-in's persistent cookie, and its seals, live; the
   * absolute lifetime unless set shorter.
   */
  public Duration rememberFor() {
    return rememberFor != null ? rememberFor : absoluteLifetime;
  }

  /**
   * The tracker key that holds the signed-in subject (a plain key: Node readers and {@link
   * Revocations#revokeAllFor} see it).
   */
  public String subjectKey() {
    return subjectKey;
  }

  /**
   * Where the request's {@link jakarta.ws.rs.core.SecurityContext} gets the signed-in subject's
   * roles; {@link RoleResolver#noRoles()} unless set. Not asked when {@link #rolesKey()} is set.
   */
  public RoleResolver roleResolver() {
    return roleResolver;
  }

  /**
   * The tracker key whose JSON array of strings holds the signed-in subject's roles, when the
   * application keeps them in the seal ({@link Builder#rolesKey}); empty when they come from {@link
   * #roleResolver()}.
   */
  public Optional<String> rolesKey() {
    return Optional.ofNullable(rolesKey);
  }

  @Override
  public String toString() {
    return "SignInOptions[absoluteLifetime="
        + absoluteLifetime
        + ", rememberFor="
        + rememberFor()
        + ", subjectKey="
        + subjectKey
        + (rolesKey == null ? "" : ", rolesKey=" + rolesKey)
        + "]";
  }

  /**
   * Builds {@link SignInOptions}; each setter checks its value at once, {@link #build()} the
   * combination. Not thread-safe.
   */
  public static final class Builder {
    private Duration absoluteLifetime = DEFAULT_ABSOLUTE_LIFETIME;
    private @Nullable Duration rememberFor;
    private String subjectKey = DEFAULT_SUBJECT_KEY;
    private RoleResolver roleResolver = RoleResolver.noRoles();
    private boolean resolverSet;
    private @Nullable String rolesKey;

    private Builder() {}

    /**
     * Where role checks ({@code isUserInRole}, {@code @RolesAllowed}) get the signed-in subject's
     * roles, asked once per request so a change in the user store counts at once; default {@link
     * RoleResolver#noRoles()}.
     *
     * @throws NullPointerException if null
     * @throws IllegalStateException if {@link #rolesKey} was set: roles come from one place
     */
    public Builder roleResolver(RoleResolver resolver) {
      Objects.requireNonNull(resolver, "roleResolver");
      if (rolesKey != null) {
        throw new IllegalStateException(
            "roleResolver cannot be set: roles are already read from the tracker key "
                + SettingNames.describe(SettingNames.SIGN_IN_ROLES_KEY));
      }
      this.roleResolver = resolver;
      this.resolverSet = true;
      return this;
    }

    /**
     * Reads role checks' roles from the seal instead of a {@link RoleResolver}: the JSON array of
     * strings the application puts under {@code key} at sign-in (anything else there means no
     * role). No lookup per request, but the roles are what the cookie says: a user whose role is
     * taken keeps it until their session ends or is revoked, or the application rewrites the key
     * (then {@link Tracker#renew()}, so the earlier seal with the old roles stops opening). A
     * resolver takes a role away on the next request.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank, {@value Tracker#RESERVED_KEY} or {@code __proto__}
     * @throws IllegalStateException if {@link #roleResolver} was set: roles come from one place
     */
    public Builder rolesKey(String key) {
      checkKey(SettingNames.SIGN_IN_ROLES_KEY, key);
      if (resolverSet) {
        throw new IllegalStateException(
            SettingNames.describe(SettingNames.SIGN_IN_ROLES_KEY)
                + " cannot be set: roles already come from a roleResolver");
      }
      this.rolesKey = key;
      return this;
    }

    /**
     * How long after sign-in the session ends, however active; default 12 hours. Each seal of a
     * signed-in tracker expires then at the latest, and one that still opens (inside iron's clock
     * skew) is refused as {@link RejectionReason#SIGN_IN_EXPIRED}.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from 2 minutes to 400 days
     */
    public Builder absoluteLifetime(Duration lifetime) {
      this.absoluteLifetime = checked(SettingNames.SIGN_IN_ABSOLUTE_LIFETIME, lifetime);
      return this;
    }

    /**
     * How long after sign-in a remembered sign-in ({@link SignInCookie#PERSISTENT}) lasts: its
     * persistent cookie's Max-Age and its seals' expiration, which no idle timeout shortens; the
     * absolute lifetime unless set.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException unless whole seconds from 2 minutes to 400 days
     */
    public Builder rememberFor(Duration lifetime) {
      this.rememberFor = checked(SettingNames.SIGN_IN_REMEMBER_FOR, lifetime);
      return this;
    }

    /**
     * The tracker key that holds the subject; default {@value SignInOptions#DEFAULT_SUBJECT_KEY}.
     * With revocation on, {@link Revocations#revokeAllFor} reads it too.
     *
     * @throws NullPointerException if null
     * @throws IllegalArgumentException if blank, {@value Tracker#RESERVED_KEY} or {@code __proto__}
     */
    public Builder subjectKey(String key) {
      checkKey(SettingNames.SIGN_IN_SUBJECT_KEY, key);
      this.subjectKey = key;
      return this;
    }

    private static void checkKey(String setting, String key) {
      Objects.requireNonNull(key, setting);
      if (key.isBlank()
          || key.equals(Tracker.RESERVED_KEY)
          || key.equals(PayloadLayout.FORBIDDEN_NAME)) {
        throw new IllegalArgumentException(
            SettingNames.describe(setting)
                + " must be a non-blank key other than "
                + Tracker.RESERVED_KEY
                + " and __proto__");
      }
    }

    /**
     * The options, once their combination is checked.
     *
     * @throws IllegalStateException if rememberFor is longer than the absolute lifetime, or the
     *     roles key is the subject key
     */
    public SignInOptions build() {
      if (subjectKey.equals(rolesKey)) {
        throw new IllegalStateException(
            SettingNames.describe(SettingNames.SIGN_IN_ROLES_KEY)
                + " cannot be the subject key: they hold different values");
      }
      if (rememberFor != null && rememberFor.compareTo(absoluteLifetime) > 0) {
        throw new IllegalStateException(
            SettingNames.describe(SettingNames.SIGN_IN_REMEMBER_FOR)
                + " cannot be longer than "
                + SettingNames.describe(SettingNames.SIGN_IN_ABSOLUTE_LIFETIME)
                + ": a remembered sign-in ends with its session");
      }
      return new SignInOptions(this);
    }

    private static Duration checked(String setting, Duration lifetime) {
      Objects.requireNonNull(lifetime, setting);
      if (lifetime.toNanosPart() != 0
          || lifetime.compareTo(MIN_LIFETIME) < 0
          || lifetime.compareTo(MAX_ABSOLUTE_LIFETIME) > 0) {
        throw new IllegalArgumentException(
            SettingNames.describe(setting)
                + " must be whole seconds from "
                + MIN_LIFETIME.toMinutes()
                + " minutes to "
                + MAX_ABSOLUTE_LIFETIME.toDays()
                + " days, was "
                + lifetime);
      }
      return lifetime;
    }
  }
}
