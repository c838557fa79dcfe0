package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * With iron's local-time offset, expirations are written and read on the offset clock, so the
 * Max-Age of a reseal that keeps an expiration is measured on that clock too: it is how long the
 * seal still opens, whatever the offset.
 */
class LocaltimeOffsetResealHttpTest {

  private static final String NAME = "persistent-information";

  private static String oldSealExpiringIn(Duration offset, Duration left) {
    IronOptions options =
        IronOptions.builder()
            .clock(TestConfigs.FIXED_CLOCK)
            .localtimeOffset(offset)
            .ttl(left)
            .build();
    return IronCodec.create(IronPasswords.single(TestConfigs.PASSWORD), options)
        .seal("\"{\\\"user\\\":\\\"alice\\\"}\"");
  }

  private static TrackerConfig rotated(Duration offset) {
    return TrackerConfig.builder()
        .passwords(
            IronPasswords.builder()
                .current("k2", TestConfigs.OTHER_PASSWORD)
                .accept(IronPasswords.DEFAULT_ID, TestConfigs.PASSWORD)
                .build())
        .clock(TestConfigs.FIXED_CLOCK)
        .ironOptions(IronOptions.builder().localtimeOffset(offset).build())
        .build();
  }

  private static String maxAgeOfReseal(Duration offset) {
    String old = oldSealExpiringIn(offset, Duration.ofMinutes(10));
    try (TestServer server = new TestServer(() -> TestConfigs.app(rotated(offset)))) {
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + old);
      assertEquals("{\"user\":\"alice\"}", response.body());
      assertEquals(1, response.setCookies().size(), response.setCookies().toString());
      String line = response.setCookies().get(0);
      assertTrue(line.startsWith(NAME + "=Fe26.2*k2*"), "resealed with the new password");
      int from = line.indexOf("; Max-Age=") + "; Max-Age=".length();
      return line.substring(from, line.indexOf(';', from));
    }
  }

  @Test
  void aNegativeOffset_keepsTheCookieAsLongAsTheSealOpens() {
    assertEquals("600", maxAgeOfReseal(Duration.ofHours(-1)));
  }

  @Test
  void aPositiveOffset_dropsTheCookieWhenTheSealStopsOpening() {
    assertEquals("600", maxAgeOfReseal(Duration.ofHours(1)));
  }
}
