package io.trackercookie.demo;

import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The demo's configuration from environment variables: every setting the no-arg {@code
 * TrackerFeature} reads ({@code TRACKER_PASSWORD}, {@code TRACKER_TTL}, {@code
 * TRACKER_PASSWORD_ID}, {@code TRACKER_ACCEPTED_PASSWORD_IDS}, {@code TRACKER_PAYLOAD_FORMAT},
 * {@code TRACKER_MAX_CHUNKS} and the rest, through {@link TrackerSettings#read}), with two demo
 * defaults: a random password when {@code TRACKER_PASSWORD} is unset, and {@code
 * TRACKER_INSECURE_LOOPBACK_FOR_DEVELOPMENT=true}, since the demo serves plain http on 127.0.0.1.
 *
 * @param config the effective configuration
 * @param messages what the demo prints at start-up: warnings, then the effective configuration,
 *     never a secret
 */
public record DemoSettings(TrackerConfig config, List<String> messages) {

  public DemoSettings {
    messages = List.copyOf(messages);
  }

  /**
   * Reads the settings from {@code environment} (variable name to value).
   *
   * @throws IllegalArgumentException or IllegalStateException naming a setting whose value is
   *     invalid, as the no-arg {@code TrackerFeature} does
   */
  public static DemoSettings read(Map<String, String> environment) {
    List<String> messages = new ArrayList<>();
    messages.addAll(TrackerSettings.unknownNameWarnings(List.of(), environment.keySet()));
    String randomPassword = null;
    String password = environment.get(TrackerSettings.environmentName(TrackerSettings.PASSWORD));
    if (password == null || password.isEmpty()) {
      randomPassword = randomPassword();
      messages.add(
          "WARNING: TRACKER_PASSWORD is not set; using a random password, so cookies"
              + " will not survive a restart. Set TRACKER_PASSWORD (32+ characters) to keep them.");
    }
    String fallbackPassword = randomPassword;
    TrackerConfig config =
        TrackerSettings.read(
            name -> {
              String value = environment.get(TrackerSettings.environmentName(name));
              if (value != null) {
                return value;
              }
              if (name.equals(TrackerSettings.PASSWORD)) {
                return fallbackPassword;
              }
              return name.equals(TrackerSettings.INSECURE_LOOPBACK) ? "true" : null;
            });
    messages.addAll(describe(config, environment));
    return new DemoSettings(config, messages);
  }

  /** The effective configuration, a few lines, with no secret. */
  static List<String> describe(TrackerConfig config, Map<String, String> environment) {
    TreeSet<String> read = new TreeSet<>();
    for (String name : environment.keySet()) {
      if (name.startsWith("TRACKER_")) {
        read.add(name);
      }
    }
    return List.of(
        "Effective configuration (secrets are never shown):",
        "  from the environment: " + (read.isEmpty() ? "nothing" : String.join(", ", read)),
        "  passwords: " + config.passwords(),
        "  cookie: " + config.cookie() + ", written Max-Age=" + config.cookieMaxAge(),
        "  seal: payloadFormat="
            + config.payloadFormat()
            + ", ttl="
            + (config.sealTtl().isZero() ? "none" : config.sealTtl())
            + ", slidingExpiry="
            + config.slidingExpiry().map(Object::toString).orElse("off")
            + ", maxChunks="
            + (config.maxChunks() == 0 ? "off" : config.maxChunks()),
        "  insecureLoopbackForDevelopment="
            + config.insecureLoopbackForDevelopment()
            + ", legacy="
            + (config.legacySecret().isPresent() ? config.legacyCookieName() : "off")
            + ", sealCache="
            + (config.sealCacheMaxEntries() == 0 ? "off" : config.sealCacheMaxEntries()));
  }

  private static String randomPassword() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }
}
