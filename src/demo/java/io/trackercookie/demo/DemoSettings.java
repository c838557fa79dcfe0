package io.trackercookie.demo;

import io.trackercookie.CookieSettings;
import io.trackercookie.CrossSiteProtection;
import io.trackercookie.RevocationOptions;
import io.trackercookie.SignInOptions;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The demo's configuration from environment variables: every setting the no-arg {@code
 * TrackerFeature} reads ({@code TRACKER_PASSWORD}, {@code TRACKER_TTL}, {@code
 * TRACKER_PASSWORD_ID}, {@code TRACKER_ACCEPTED_PASSWORD_IDS}, {@code TRACKER_PAYLOAD_FORMAT},
 * {@code TRACKER_MAX_CHUNKS}, {@code TRACKER_PASSWORD_DIR} and the rest, through {@link
 * TrackerSettings#read}), with the demo's own defaults: a random password when no password is
 * given, {@code TRACKER_INSECURE_LOOPBACK_FOR_DEVELOPMENT=true} (the demo serves plain http on
 * 127.0.0.1), and revocations for {@code POST /logout} kept in this process, or in Redis at {@code
 * REDIS_URL} so that demos on two ports share them; {@code TRACKER_DIAGNOSTICS=true} (a refused
 * cookie is named in the response's {@code Tracker-Diagnostics}); {@code
 * TRACKER_CROSS_SITE_ENABLED=true}; sign-in on, for an hour ({@code
 * TRACKER_SIGN_IN_ABSOLUTE_LIFETIME=PT1H}), its {@code TRACKER_SIGN_IN_*} settings with the demo's
 * roles added in code ({@link DemoApp#signIn}); and the tracker's meters, which {@code GET
 * /metrics} answers.
 *
 * @param config the effective configuration
 * @param metrics the meters the config's listener feeds, for {@code GET /metrics}
 * @param messages what the demo prints at start-up: warnings, then the effective configuration,
 *     never a secret
 */
public record DemoSettings(TrackerConfig config, DemoMetrics metrics, List<String> messages) {

  public DemoSettings {
    messages = List.copyOf(messages);
  }

  /** The Redis keys' prefix of the demo's revocations, when {@code REDIS_URL} is set. */
  static final String REDIS_KEY_PREFIX = "tracker-cookie-demo:revoked:";

  /**
   * Reads the settings from {@code environment} (variable name to value).
   *
   * @throws IllegalArgumentException or IllegalStateException naming a setting whose value is
   *     invalid, as the no-arg {@code TrackerFeature} does
   */
  public static DemoSettings read(Map<String, String> environment) {
    List<String> messages = new ArrayList<>();
    messages.addAll(TrackerSettings.unknownNameWarnings(List.of(), environment.keySet()));
    boolean passwordGiven =
        isSet(environment, TrackerSettings.PASSWORD)
            || isSet(environment, TrackerSettings.PASSWORD_DIR)
            || isSet(environment, TrackerSettings.PASSWORD_FILE);
    String randomPassword = passwordGiven ? null : randomPassword();
    if (!passwordGiven) {
      messages.add(
          "WARNING: TRACKER_PASSWORD is not set; using a random password, so cookies"
              + " will not survive a restart. Set TRACKER_PASSWORD (32+ characters) to keep them.");
    }
    // Reported as read: the demo's own PORT (DemoServer) and REDIS_URL, and the variables a setting
    // was actually looked up under; a misspelled one is warned about above, not listed.
    Set<String> read = new TreeSet<>();
    for (String variable : List.of("PORT", "REDIS_URL")) {
      if (environment.containsKey(variable)) {
        read.add(variable);
      }
    }
    Function<String, String> fromEnvironment =
        name -> {
          String variable = TrackerSettings.environmentName(name);
          String value = environment.get(variable);
          if (value != null) {
            read.add(variable);
          }
          return value;
        };
    String redisUrl = environment.get("REDIS_URL");
    boolean redis = redisUrl != null && !redisUrl.isBlank();
    Map<String, String> defaults = new HashMap<>();
    defaults.put(TrackerSettings.INSECURE_LOOPBACK, "true");
    defaults.put(TrackerSettings.DIAGNOSTICS, "true");
    defaults.put(TrackerSettings.CROSS_SITE_ENABLED, "true");
    defaults.put(TrackerSettings.SIGN_IN_ABSOLUTE_LIFETIME, DemoApp.SIGN_IN_LIFETIME.toString());
    defaults.put(TrackerSettings.REVOCATION_STORE, redis ? redisUrl.trim() : "embedded");
    if (redis) {
      defaults.put(TrackerSettings.REVOCATION_KEY_PREFIX, REDIS_KEY_PREFIX);
    }
    if (randomPassword != null) {
      defaults.put(TrackerSettings.PASSWORD, randomPassword);
    }
    Function<String, String> lookup =
        name -> {
          String value = fromEnvironment.apply(name);
          return value != null ? value : defaults.get(name);
        };
    SignInOptions signIn = DemoApp.signIn(signInSettings(lookup).toBuilder());
    DemoMetrics metrics = new DemoMetrics();
    TrackerConfig config =
        TrackerSettings.read(lookup, builder -> metrics.addTo(builder).signIn(signIn));
    messages.addAll(describe(config, read, randomPassword != null));
    return new DemoSettings(config, metrics, messages);
  }

  /**
   * The {@code tracker.signIn.*} settings as options, read on their own: the demo adds its role
   * resolver, which no setting carries, to what they say.
   */
  private static SignInOptions signInSettings(Function<String, String> lookup) {
    Set<String> signInNames =
        Set.of(
            TrackerSettings.SIGN_IN_ABSOLUTE_LIFETIME,
            TrackerSettings.SIGN_IN_REMEMBER_FOR,
            TrackerSettings.SIGN_IN_SUBJECT_KEY);
    String throwaway = randomPassword(); // the settings reader needs one; nothing is sealed
    return TrackerSettings.read(
            name ->
                name.equals(TrackerSettings.PASSWORD)
                    ? throwaway
                    : signInNames.contains(name) ? lookup.apply(name) : null)
        .signIn()
        .orElseGet(SignInOptions::defaults);
  }

  private static boolean isSet(Map<String, String> environment, String setting) {
    String value = environment.get(TrackerSettings.environmentName(setting));
    return value != null && !value.isBlank();
  }

  /** The effective configuration: one line per setting that matters, with no secret. */
  static List<String> describe(TrackerConfig config, Set<String> read, boolean randomPassword) {
    return List.of(
        "Effective configuration (no secret is shown):",
        "  read from the environment: " + (read.isEmpty() ? "nothing" : String.join(", ", read)),
        "  password: " + passwords(config, randomPassword),
        "  cookie: " + cookie(config.cookie()),
        "  seal lifetime: " + sealLifetime(config),
        "  payload: "
            + config.payloadFormat()
            + (config.cookieBudget().maxChunks() > 0
                ? ", split across up to " + config.cookieBudget().maxChunks() + " cookies"
                : ", one cookie")
            + ", at most "
            + config.cookieBudget().maxCookieHeaderBytes()
            + " bytes of Cookie header",
        "  revocation (POST /logout, /logout-everywhere): "
            + config.revocation().map(DemoSettings::revocation).orElse("off: logout only clears"),
        "  sign-in: " + config.signIn().map(DemoSettings::signIn).orElse("off"),
        "  cross-site protection: " + crossSite(config.crossSite()),
        "  development: "
            + (config.insecureLoopbackForDevelopment()
                ? "no Secure on plain http to loopback"
                : "off")
            + (config.diagnostics() ? "; Tracker-Diagnostics names refused cookies" : ""));
  }

  private static String passwords(TrackerConfig config, boolean randomPassword) {
    if (config.passwordSource().files().isPresent()) {
      return "files in "
          + config.passwordSource().files().get().path()
          + ", reloaded when they change";
    }
    String source = randomPassword ? "random, drawn at start-up" : "given";
    if (config.passwords().currentId().isEmpty()) {
      return source + ", one password without an id";
    }
    return source
        + "; seals with id "
        + config.passwords().currentId()
        + ", opens ids "
        + String.join(", ", new TreeSet<>(config.passwords().ids()));
  }

  private static String cookie(CookieSettings cookie) {
    return cookie.cookieName()
        + "; Path="
        + cookie.path()
        + (cookie.domain() == null ? "" : "; Domain=" + cookie.domain())
        + "; Max-Age "
        + human(cookie.maxAge())
        + (cookie.secure() ? "; Secure" : "")
        + (cookie.httpOnly() ? "; HttpOnly" : "")
        + "; SameSite="
        + cookie.sameSite().attributeValue()
        + (cookie.partitioned() ? "; Partitioned" : "");
  }

  private static String sealLifetime(TrackerConfig config) {
    if (config.lifetimes().sealsNeverExpire()) {
      return "seals never expire";
    }
    return config
        .lifetimes()
        .slidingExpiry()
        .map(idle -> human(idle) + " after the last request (sliding)")
        .orElse(human(config.sealTtl()) + " after each write");
  }

  private static String revocation(RevocationOptions revocation) {
    return switch (revocation.storeKind()) {
      case EMBEDDED -> "in this process (set REDIS_URL to share them between demos)";
      case REDIS -> "in Redis, shared by every demo using it, keys " + revocation.keyPrefix() + "*";
      case CUSTOM -> "in the application's own store";
    };
  }

  private static String signIn(SignInOptions signIn) {
    return "absolute lifetime "
        + human(signIn.absoluteLifetime())
        + ", remember me "
        + human(signIn.rememberFor())
        + ", subject key "
        + signIn.subjectKey()
        + "; the user admin has the role admin";
  }

  private static String crossSite(CrossSiteProtection crossSite) {
    if (!crossSite.enabled()) {
      return "off";
    }
    return "on, unsafe requests from another site are refused"
        + (crossSite.requireToken() ? "; a CSRF token is required" : "")
        + (crossSite.trustedOrigins().isEmpty()
            ? ""
            : "; trusted: " + String.join(", ", crossSite.trustedOrigins()));
  }

  /** A duration in the largest whole unit: 30d, 12h, 30min, 90s. */
  static String human(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds == 0) {
      return "0s";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "min";
    }
    return seconds + "s";
  }

  private static String randomPassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
