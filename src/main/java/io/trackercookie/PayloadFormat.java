package io.trackercookie;

import static io.trackercookie.settings.SettingNames.describe;

import io.trackercookie.iron.IronPasswords;
import io.trackercookie.payload.PayloadLayout;
import io.trackercookie.settings.SettingNames;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a new seal holds. Every format is read whatever this says; it chooses what is written, and
 * the lifetimes and password ids that go with it.
 */
public enum PayloadFormat {
  /**
   * As npm tracker-cookie writes: {@code Iron.seal(JSON.stringify(JSON.stringify(info)))}, so the
   * sealed text is a JSON string literal holding the object's JSON. Node services using
   * tracker-cookie read it. The default.
   */
  TRACKER_COOKIE,
  /** The object's JSON sealed as it stands, as {@code @hapi/cookie} writes. */
  PLAIN_JSON,
  /**
   * As iron-session 8 writes: the object's JSON sealed as it stands, with a numeric password id
   * ({@code 1} for a single password, which still opens seals without an id), a {@code ~2} suffix,
   * a 14-day ttl unless another is set, and the cookie's Max-Age 60 s below the ttl unless a
   * Max-Age is set.
   */
  IRON_SESSION {
    @Override
    Duration defaultTtl() {
      return IRON_SESSION_TTL;
    }

    @Override
    Duration maxAge(Duration configured, Duration sealTtl) {
      if (sealTtl.isZero()) {
        return configured;
      }
      Duration maxAge = sealTtl.minus(IRON_SESSION_MAX_AGE_MARGIN);
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new IllegalArgumentException("With IRON_SESSION the ttl must be over 60 seconds");
      }
      return maxAge;
    }
  };

  /** iron-session 8's default ttl. */
  private static final Duration IRON_SESSION_TTL = Duration.ofDays(14);

  /** iron-session 8 sets the cookie's Max-Age this much below the seal's ttl. */
  private static final Duration IRON_SESSION_MAX_AGE_MARGIN = Duration.ofSeconds(60);

  /** The seal's lifetime when none is configured; {@link Duration#ZERO} for none. */
  Duration defaultTtl() {
    return Duration.ZERO;
  }

  /**
   * The cookie's Max-Age for the configured one and the seal's lifetime.
   *
   * @throws IllegalArgumentException if the format cannot write a cookie for that lifetime
   */
  Duration maxAge(Duration configured, Duration sealTtl) {
    return configured;
  }

  /**
   * The passwords this format seals with; {@code singlePassword} is the plain password when one was
   * configured, else null.
   *
   * @throws IllegalArgumentException if the format cannot seal with these passwords, naming the
   *     settings
   */
  IronPasswords passwords(IronPasswords configured, @Nullable String singlePassword) {
    // The layout's rule: iron-session's ids are numbers, and a plain password gets id 1.
    try {
      return PayloadLayout.valueOf(name()).sealingPasswords(configured, singlePassword);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage()
              + ". Give the sealing password such an id (passwords(...) or passwordRing(...), "
              + describe(SettingNames.PASSWORD_ID)
              + ", or a password file's name), or choose another payloadFormat, "
              + describe(SettingNames.PAYLOAD_FORMAT));
    }
  }
}
