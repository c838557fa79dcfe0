package io.trackercookie.demo;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.settings.SettingNames;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demo's configuration from environment variables: every setting the no-arg {@code
 * TrackerFeature} reads ({@code TRACKER_PASSWORD}, {@code TRACKER_TTL}, {@code
 * TRACKER_PASSWORD_ID}, {@code TRACKER_ACCEPTED_PASSWORD_IDS}, {@code TRACKER_PAYLOAD_FORMAT},
 * {@code TRACKER_MAX_CHUNKS}, {@code TRACKER_PASSWORD_DIR} and the rest, through {@link
 * TrackerSettings#read}), with the demo's own defaults: a random password when no password is
 * given, {@code TRACKER_INSECURE_LOOPBACK_FOR_DEVELOPMENT=true} (the demo serves plain http on
 * 127.0.0.1), and revocations for {@code POST /logout} kept in this process, or in Redis at {@code
 * REDIS_URL} so that demos on two ports share them; {@code TRACKER_DIAGNOSTICS=true} (a refused
 * cookie is named in the response's {@code Tracker-Diagnostics}); and the tracker's meters, which
 * {@code GET /metrics} answers.
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
    String redisUrl = environment.get("REDIS_URL");
    boolean redis = redisUrl != null && !redisUrl.isBlank();
    Map<String, String> defaults = new HashMap<>();
    defaults.put(TrackerSettings.INSECURE_LOOPBACK, "true");
    defaults.put(TrackerSettings.DIAGNOSTICS, "true");
    defaults.put(TrackerSettings.REVOCATION_STORE, redis ? redisUrl.trim() : "embedded");
    if (redis) {
      defaults.put(TrackerSettings.REVOCATION_KEY_PREFIX, REDIS_KEY_PREFIX);
    }
    if (randomPassword != null) {
      defaults.put(TrackerSettings.PASSWORD, randomPassword);
    }
    DemoMetrics metrics = new DemoMetrics();
    TrackerConfig config =
        TrackerSettings.read(
            name -> {
              String value = environment.get(TrackerSettings.environmentName(name));
              if (value == null) {
                // MicroProfile's name for it, which the misspelling warnings accept too.
                value = environment.get(SettingNames.microProfileEnvironmentName(name));
              }
              return value != null ? value : defaults.get(name);
            },
            metrics::addTo);
    messages.addAll(describe(config, environment, redis));
    return new DemoSettings(config, metrics, messages);
  }

  private static boolean isSet(Map<String, String> environment, String setting) {
    String value = environment.get(TrackerSettings.environmentName(setting));
    return value != null && !value.isBlank();
  }

  /** The effective configuration, a few lines, with no secret. */
  static List<String> describe(
      TrackerConfig config, Map<String, String> environment, boolean redis) {
    TreeSet<String> read = new TreeSet<>();
    for (String name : environment.keySet()) {
      if (name.startsWith("TRACKER_") || name.equals("REDIS_URL")) {
        read.add(name);
      }
    }
    return List.of(
        "Effective configuration (secrets are never shown):",
        "  read from the environment: " + (read.isEmpty() ? "nothing" : String.join(", ", read)),
        "  POST /logout revocations: "
            + (redis
                ? "in Redis (REDIS_URL), shared by every demo using it"
                : "in this process (set REDIS_URL to share them between demos)"),
        "  " + config);
  }

  private static String randomPassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
