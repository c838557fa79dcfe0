package io.trackercookie;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.glassfish.jersey.server.ResourceConfig;

/** Passwords, clocks and applications shared by the HTTP tests. */
public final class TestConfigs {

  public static final String PASSWORD = "gQ7vN2kXc9TzR4wLpB8hYs3mDf6JuEa1Ko5xWn0iCtV";
  public static final String OTHER_PASSWORD = "Zr4HqP9sLm2VbX7cNt1WyKe6GdJ3uFo8Ai5RzQw0Es_";

  /** 2026-01-02T03:04:05Z: Expires headers and expirations are exact under it. */
  public static final Clock FIXED_CLOCK =
      Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

  private TestConfigs() {}

  public static TrackerConfig.Builder builder() {
    return TrackerConfig.builder().password(PASSWORD);
  }

  /**
   * A config from named settings, as the no-arg feature reads them: the test password, then each
   * setting and its value in turn.
   */
  public static TrackerConfig fromSettings(String... settingsAndValues) {
    java.util.Map<String, String> settings = new java.util.HashMap<>();
    settings.put(TrackerSettings.PASSWORD, PASSWORD);
    for (int i = 0; i + 1 < settingsAndValues.length; i += 2) {
      settings.put(settingsAndValues[i], settingsAndValues[i + 1]);
    }
    return TrackerSettings.read(settings::get);
  }

  public static ResourceConfig app(TrackerConfig config) {
    return new ResourceConfig(TrackerTestResource.class, TrackerTestResource.TooLargeMapper.class)
        .register(new TrackerFeature(config));
  }

  /** A seal of this plaintext as a foreign service with this password would make it. */
  public static String seal(String password, String plaintext) {
    return IronCodec.create(IronPasswords.single(password), IronOptions.defaults()).seal(plaintext);
  }

  /** The plaintext inside a cookie value this application wrote. */
  public static String unseal(String value) {
    return IronCodec.create(PASSWORD).unseal(value);
  }
}
