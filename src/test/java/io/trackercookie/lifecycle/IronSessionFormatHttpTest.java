package io.trackercookie.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.PayloadFormat;
import io.trackercookie.RawHttp;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerSettings;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.SealParts;
import io.trackercookie.keys.PasswordRing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** iron-session 8's seal layout: numeric password ids, a {@code ~2} suffix, plain JSON, 14 days. */
class IronSessionFormatHttpTest {

  private static final String NAME = "persistent-information";
  private static final Instant NOW = TestConfigs.FIXED_CLOCK.instant();

  /** A seal as iron-session makes it with a password map: the highest id seals. */
  private static String ironSessionSeal(String id, String password, String json) {
    IronCodec codec =
        IronCodec.create(
            IronPasswords.builder().current(id, password).build(),
            IronOptions.builder().ttl(Duration.ofDays(14)).clock(TestConfigs.FIXED_CLOCK).build());
    return codec.seal(json) + "~2";
  }

  @Test
  void ironSessionFormat_writesId1_theSuffix_plainJson_14DayTtl_andMaxAgeTtlLess60s() {
    TrackerConfig config =
        TestConfigs.builder()
            .payloadFormat(PayloadFormat.IRON_SESSION)
            .clock(TestConfigs.FIXED_CLOCK)
            .build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/put?k=user&v=alice");
      String value = response.cookieValue(NAME);
      assertTrue(value.endsWith("~2"), value);
      String seal = value.substring(0, value.length() - 2);
      SealParts parts = SealParts.parse(seal);
      assertEquals("1", parts.passwordId());
      assertEquals(
          NOW.plus(Duration.ofDays(14)).toEpochMilli(), Long.parseLong(parts.expiration()));
      assertTrue(
          response.setCookies().get(0).contains("; Max-Age=1209540;"),
          response.setCookies().get(0));
      IronCodec ironSession =
          IronCodec.create(
              IronPasswords.builder().current("1", TestConfigs.PASSWORD).build(),
              IronOptions.builder().clock(TestConfigs.FIXED_CLOCK).build());
      assertEquals("{\"user\":\"alice\"}", ironSession.unseal(seal));
      assertEquals(
          "{\"user\":\"alice\"}", server.get("/read", "Cookie: " + NAME + "=" + value).body());
    }
  }

  @Test
  void ironSessionSeals_areReadInEveryFormat() {
    String value = ironSessionSeal("1", TestConfigs.PASSWORD, "{\"user\":\"bob\"}");
    for (PayloadFormat format : PayloadFormat.values()) {
      TrackerConfig config =
          TestConfigs.builder().payloadFormat(format).clock(TestConfigs.FIXED_CLOCK).build();
      try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
        RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + value);
        assertEquals("{\"user\":\"bob\"}", response.body(), format.name());
        assertTrue(response.setCookies().isEmpty(), format.name());
      }
    }
  }

  @Test
  void aSuffixOtherThanTilde2_isRefused() {
    String value = ironSessionSeal("1", TestConfigs.PASSWORD, "{\"user\":\"bob\"}");
    String other = value.substring(0, value.length() - 1) + "3";
    TrackerConfig config = TestConfigs.builder().clock(TestConfigs.FIXED_CLOCK).build();
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      assertEquals("{}", server.get("/read", "Cookie: " + NAME + "=" + other).body());
      assertEquals("{}", server.get("/read", "Cookie: " + NAME + "=" + value + "~2").body());
    }
  }

  @Test
  void numericKeyring_sealsWithTheCurrentId_andReadsAndResealsTheOlderOne() {
    TrackerConfig config =
        TrackerConfig.builder()
            .payloadFormat(PayloadFormat.IRON_SESSION)
            .passwords(
                IronPasswords.builder()
                    .current("2", TestConfigs.OTHER_PASSWORD)
                    .accept("1", TestConfigs.PASSWORD)
                    .build())
            .clock(TestConfigs.FIXED_CLOCK)
            .build();
    String old = ironSessionSeal("1", TestConfigs.PASSWORD, "{\"user\":\"carol\"}");
    try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
      RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + old);
      assertEquals("{\"user\":\"carol\"}", response.body());
      String resealed = response.cookieValue(NAME);
      assertTrue(resealed.endsWith("~2"));
      assertEquals("2", SealParts.parse(resealed.substring(0, resealed.length() - 2)).passwordId());
    }
  }

  @Test
  void ironSession_refusesIdsJavaScriptWouldReadAsAnotherNumber_namingTheSettings() {
    // iron-session picks its id as a JavaScript number and writes it back as text: "01" comes
    // back as "1", a 20-digit id as a rounded one. Java would seal under an id Node cannot find.
    for (String id :
        List.of(
            "01", "007", "00", "12345678901234567890", "9007199254740992", "99999999999999999")) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  TrackerConfig.builder()
                      .payloadFormat(PayloadFormat.IRON_SESSION)
                      .passwords(IronPasswords.builder().current(id, TestConfigs.PASSWORD).build())
                      .build(),
              id);
      for (String named :
          List.of("JavaScript", "passwords(", "TRACKER_PASSWORD_ID", "TRACKER_PAYLOAD_FORMAT")) {
        assertTrue(e.getMessage().contains(named), named + " in " + e.getMessage());
      }
      assertFalse(e.getMessage().contains(TestConfigs.PASSWORD), e.getMessage());
    }
    Map<String, String> settings =
        Map.of(
            TrackerSettings.PASSWORD,
            TestConfigs.OTHER_PASSWORD,
            TrackerSettings.PASSWORD_ID,
            "02",
            TrackerSettings.ACCEPTED_PASSWORD_IDS,
            "1",
            "tracker.password.1",
            TestConfigs.PASSWORD,
            TrackerSettings.PAYLOAD_FORMAT,
            "IRON_SESSION");
    assertThrows(IllegalArgumentException.class, () -> TrackerSettings.read(settings::get));
    // A key schedule's later sealing id is checked when built, not when its instant comes.
    PasswordRing later =
        PasswordRing.builder()
            .current("1", IronSecret.password(TestConfigs.PASSWORD))
            .sealFrom("02", IronSecret.password(TestConfigs.OTHER_PASSWORD), NOW.plusSeconds(60))
            .build();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TrackerConfig.builder()
                .payloadFormat(PayloadFormat.IRON_SESSION)
                .passwordRing(later)
                .clock(TestConfigs.FIXED_CLOCK)
                .build());
  }

  @Test
  void ironSession_sealsUnderTheLargestIdJavaScriptKeepsExact_andUnderZero() {
    for (String id : List.of("9007199254740991", "0")) {
      TrackerConfig config =
          TrackerConfig.builder()
              .payloadFormat(PayloadFormat.IRON_SESSION)
              .passwords(IronPasswords.builder().current(id, TestConfigs.PASSWORD).build())
              .build();
      try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
        String value = server.get("/put?k=a&v=b").cookieValue(NAME);
        assertEquals(id, SealParts.parse(value.substring(0, value.length() - 2)).passwordId());
        assertEquals("{\"a\":\"b\"}", server.get("/read", "Cookie: " + NAME + "=" + value).body());
      }
    }
  }

  @Test
  void ironSessionFormat_fromTheSettings_andNonNumericIdsAreRefused() {
    TrackerConfig config =
        TestConfigs.fromSettings(
            TrackerSettings.PAYLOAD_FORMAT, "iron_session", TrackerSettings.TTL, "3600");
    assertEquals(PayloadFormat.IRON_SESSION, config.payloadFormat());
    assertEquals(Duration.ofSeconds(3540), config.cookieMaxAge());
    assertEquals("1", config.passwords().sealingId());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                TrackerConfig.builder()
                    .payloadFormat(PayloadFormat.IRON_SESSION)
                    .passwords(IronPasswords.builder().current("k2", TestConfigs.PASSWORD).build())
                    .build());
    assertTrue(e.getMessage().contains("numeric"), e.getMessage());
  }
}
