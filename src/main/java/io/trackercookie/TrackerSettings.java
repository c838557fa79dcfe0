package io.trackercookie;

import io.trackercookie.settings.SettingNames;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The tracker's options as named settings: JAX-RS properties, system properties and environment
 * variables. Each setting is one row (name, environment variable, default, description and the
 * builder call it makes), listed in docs/configuration.md's table, which a test holds to the rows;
 * a value is parsed and handed to its option group's builder, whose setter checks it. A name maps
 * to its environment variable by one rule ({@code tracker.cookie.maxAge} → {@code
 * TRACKER_COOKIE_MAX_AGE}).
 *
 * <pre>{@code
 * TrackerConfig config = TrackerSettings.read(name -> System.getenv(TrackerSettings.environmentName(name)));
 * }</pre>
 *
 * <p>Durations are ISO-8601 ({@code P30D}, {@code PT1H}) or whole seconds; booleans are {@code
 * true} or {@code false}; enums are case-insensitive. An invalid value stops start-up with a
 * message naming the setting and what it expects, never repeating the value (a mistyped setting may
 * hold a secret).
 *
 * <p>The constants are the settings' names ({@link SettingNames} holds them for the option groups'
 * messages); {@value #ACCEPTED_PASSWORD_PREFIX}{@code <id>} (environment {@code
 * TRACKER_PASSWORD_<ID>}) holds an accepted password, and {@code tracker.password.<id>}{@value
 * #SEAL_FROM_SUFFIX} its seal-from instant.
 */
public final class TrackerSettings {

  public static final String PASSWORD = SettingNames.PASSWORD;
  public static final String PASSWORD_ID = SettingNames.PASSWORD_ID;
  public static final String ACCEPTED_PASSWORD_IDS = SettingNames.ACCEPTED_PASSWORD_IDS;
  public static final String ACCEPTED_PASSWORD_PREFIX = SettingNames.ACCEPTED_PASSWORD_PREFIX;
  public static final String PASSWORD_DIR = SettingNames.PASSWORD_DIR;
  public static final String PASSWORD_FILE = SettingNames.PASSWORD_FILE;
  public static final String PASSWORD_POLL_INTERVAL = SettingNames.PASSWORD_POLL_INTERVAL;
  public static final String SEAL_FROM_SUFFIX = SettingNames.SEAL_FROM_SUFFIX;
  public static final String ALLOW_WEAK_PASSWORD = SettingNames.ALLOW_WEAK_PASSWORD;
  public static final String COOKIE_NAME = SettingNames.COOKIE_NAME;
  public static final String COOKIE_MAX_AGE = SettingNames.COOKIE_MAX_AGE;
  public static final String COOKIE_PATH = SettingNames.COOKIE_PATH;
  public static final String COOKIE_DOMAIN = SettingNames.COOKIE_DOMAIN;
  public static final String COOKIE_SECURE = SettingNames.COOKIE_SECURE;
  public static final String COOKIE_HTTP_ONLY = SettingNames.COOKIE_HTTP_ONLY;
  public static final String COOKIE_SAME_SITE = SettingNames.COOKIE_SAME_SITE;
  public static final String COOKIE_PARTITIONED = SettingNames.COOKIE_PARTITIONED;
  public static final String COOKIE_HOST_PREFIX = SettingNames.COOKIE_HOST_PREFIX;
  public static final String TTL = SettingNames.TTL;
  public static final String SEALS_NEVER_EXPIRE = SettingNames.SEALS_NEVER_EXPIRE;
  public static final String MAX_COOKIE_HEADER_BYTES = SettingNames.MAX_COOKIE_HEADER_BYTES;
  public static final String REQUEST_ATTRIBUTE = SettingNames.REQUEST_ATTRIBUTE;
  public static final String PAYLOAD_FORMAT = SettingNames.PAYLOAD_FORMAT;
  public static final String INSECURE_LOOPBACK = SettingNames.INSECURE_LOOPBACK;
  public static final String SLIDING_EXPIRY = SettingNames.SLIDING_EXPIRY;
  public static final String REISSUE_AFTER = SettingNames.REISSUE_AFTER;
  public static final String LEGACY_SECRET = SettingNames.LEGACY_SECRET;
  public static final String LEGACY_COOKIE_NAME = SettingNames.LEGACY_COOKIE_NAME;
  public static final String LEGACY_TIMEOUT = SettingNames.LEGACY_TIMEOUT;
  public static final String MAX_CHUNKS = SettingNames.MAX_CHUNKS;
  public static final String SEAL_CACHE_MAX_ENTRIES = SettingNames.SEAL_CACHE_MAX_ENTRIES;
  public static final String SEAL_CACHE_MAX_BYTES = SettingNames.SEAL_CACHE_MAX_BYTES;
  public static final String DIAGNOSTICS = SettingNames.DIAGNOSTICS;
  public static final String REVOCATION_STORE = SettingNames.REVOCATION_STORE;
  public static final String REVOCATION_SUBJECT_KEY = SettingNames.REVOCATION_SUBJECT_KEY;
  public static final String REVOCATION_FAIL_OPEN = SettingNames.REVOCATION_FAIL_OPEN;
  public static final String REVOCATION_MAX_ENTRIES = SettingNames.REVOCATION_MAX_ENTRIES;
  public static final String REVOCATION_TIMEOUT = SettingNames.REVOCATION_TIMEOUT;
  public static final String REVOCATION_KEY_PREFIX = SettingNames.REVOCATION_KEY_PREFIX;
  public static final String SIGN_IN_ABSOLUTE_LIFETIME = SettingNames.SIGN_IN_ABSOLUTE_LIFETIME;
  public static final String SIGN_IN_REMEMBER_FOR = SettingNames.SIGN_IN_REMEMBER_FOR;
  public static final String SIGN_IN_SUBJECT_KEY = SettingNames.SIGN_IN_SUBJECT_KEY;
  public static final String PRESET = SettingNames.PRESET;
  public static final String CROSS_SITE_ENABLED = SettingNames.CROSS_SITE_ENABLED;
  public static final String CROSS_SITE_TRUSTED_ORIGINS = SettingNames.CROSS_SITE_TRUSTED_ORIGINS;
  public static final String CROSS_SITE_REQUIRE_TOKEN = SettingNames.CROSS_SITE_REQUIRE_TOKEN;

  /**
   * Every setting name, in the order of the options table: {@value #ACCEPTED_PASSWORD_PREFIX}
   * stands for the {@code tracker.password.<id>} family.
   */
  public static final List<String> NAMES = SettingRows.NAMES;

  private TrackerSettings() {}

  /**
   * A config from named settings; {@code lookup} returns null for a setting that is not set. {@link
   * TrackerFeature}'s no-arg constructor uses this with the application's JAX-RS properties, then
   * system properties, then environment variables.
   *
   * @throws IllegalStateException if the password is missing, naming {@value #PASSWORD} and its
   *     environment variable; or if the settings contradict each other
   * @throws IllegalArgumentException if a setting's value is invalid, naming the setting
   */
  public static TrackerConfig read(Function<String, String> lookup) {
    return read(lookup, builder -> {});
  }

  /**
   * As {@link #read(Function)}, with {@code code} applied to the builder after the settings and
   * before it builds: the settings for what operators change, code for what no setting carries (a
   * {@link TrackerConfig.Builder#listener}, such as Micrometer meters).
   *
   * @throws IllegalStateException as {@link #read(Function)}
   * @throws IllegalArgumentException as {@link #read(Function)}, or as {@code code} throws
   */
  public static TrackerConfig read(
      Function<String, String> lookup, Consumer<TrackerConfig.Builder> code) {
    return SettingsReader.read(lookup, code);
  }

  /**
   * The environment variable read for a setting: {@code tracker.cookie.maxAge} → {@code
   * TRACKER_COOKIE_MAX_AGE}.
   */
  public static String environmentName(String setting) {
    return SettingNames.environmentName(setting);
  }

  /**
   * One warning for each name that looks like a tracker setting but is none (a property starting
   * with {@code tracker.}, an environment variable starting with {@code TRACKER_}), naming the
   * closest known setting; such a setting would otherwise be ignored without a word.
   */
  public static List<String> unknownNameWarnings(
      Collection<String> propertyNames, Collection<String> environmentNames) {
    return UnknownSettings.warnings(propertyNames, environmentNames);
  }
}
