package io.trackercookie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad cookie gives 200 and an empty tracker, with a reason for the listener. */
class BadCookieHttpTest {

  private static final String NAME = "persistent-information";
  private static final String MARKER = "plaintext-marker-Zq81";
  private static final List<RejectionReason> REASONS =
      Collections.synchronizedList(new ArrayList<>());
  private static final List<String> LOG_LINES = Collections.synchronizedList(new ArrayList<>());
  private static final Logger LOGGER = Logger.getLogger("io.trackercookie");
  private static final Handler CAPTURE =
      new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
          LOG_LINES.add(formatter.formatMessage(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private static Level previousLevel;
  private static TestServer server;
  private static String good;

  @BeforeAll
  static void start() {
    previousLevel = LOGGER.getLevel();
    LOGGER.setLevel(Level.FINE);
    LOGGER.addHandler(CAPTURE);
    TrackerConfig config =
        TestConfigs.builder()
            .ttl(Duration.ofMinutes(10))
            .clock(TestConfigs.FIXED_CLOCK)
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    REASONS.add(reason);
                  }
                })
            .build();
    server = new TestServer(() -> TestConfigs.app(config));
    good = server.get("/put?k=secret&v=" + MARKER).cookieValue(NAME);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    LOGGER.removeHandler(CAPTURE);
    LOGGER.setLevel(previousLevel);
  }

  @BeforeEach
  void reset() {
    REASONS.clear();
  }

  private static void assertEmptyTrackerFor(RejectionReason reason, String... headerLines) {
    RawHttp.Response response = server.get("/read", headerLines);
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
    assertEquals(List.of(reason), REASONS);
    assertTrue(response.setCookies().isEmpty());
  }

  private static String sealAtFixedClock(String plaintext) {
    return IronCodec.create(
            IronPasswords.single(TestConfigs.PASSWORD),
            IronOptions.builder().clock(TestConfigs.FIXED_CLOCK).build())
        .seal(plaintext);
  }

  @Test
  void goodCookie_isRead() {
    assertEquals(
        "{\"secret\":\"" + MARKER + "\"}",
        server.get("/read", "Cookie: " + NAME + "=" + good).body());
    assertTrue(REASONS.isEmpty());
  }

  @Test
  void tamperedCookie_readsEmpty_badMac() {
    int middle = good.length() / 2;
    char flipped = good.charAt(middle) == 'A' ? 'B' : 'A';
    String tampered = good.substring(0, middle) + flipped + good.substring(middle + 1);
    assertEmptyTrackerFor(RejectionReason.BAD_MAC, "Cookie: " + NAME + "=" + tampered);
  }

  @Test
  void truncatedCookie_readsEmpty() {
    assertEmptyTrackerFor(
        RejectionReason.BAD_MAC, "Cookie: " + NAME + "=" + good.substring(0, good.length() - 4));
    REASONS.clear();
    assertEmptyTrackerFor(
        RejectionReason.MALFORMED, "Cookie: " + NAME + "=" + good.substring(0, good.length() / 2));
  }

  @Test
  void expiredCookie_readsEmpty_expired() {
    String old =
        IronCodec.create(
                IronPasswords.single(TestConfigs.PASSWORD),
                IronOptions.builder()
                    .ttl(Duration.ofMinutes(10))
                    .clock(Clock.offset(TestConfigs.FIXED_CLOCK, Duration.ofHours(-1)))
                    .build())
            .seal("{\"a\":1}");
    assertEmptyTrackerFor(RejectionReason.EXPIRED, "Cookie: " + NAME + "=" + old);
  }

  @Test
  void cookieSealedWithAnotherPassword_readsEmpty_badMac() {
    assertEmptyTrackerFor(
        RejectionReason.BAD_MAC,
        "Cookie: " + NAME + "=" + TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "{\"a\":1}"));
  }

  @Test
  void garbageCookie_readsEmpty_malformed() {
    assertEmptyTrackerFor(RejectionReason.MALFORMED, "Cookie: " + NAME + "=garbage-value-7Qx");
  }

  @Test
  void nonAsciiCookie_readsEmpty_withoutCrypto() {
    byte[] header =
        ("Cookie: "
                + NAME
                + "="
                + good.substring(0, 20)
                + "\u00e9\u00ff"
                + good.substring(20)
                + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    RawHttp.Response response = RawHttp.send(server.base(), "/read", header, true);
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
    assertEquals(List.of(RejectionReason.NON_ASCII), REASONS);
  }

  @Test
  void oversizeCookie_readsEmpty_oversize() {
    assertEmptyTrackerFor(
        RejectionReason.OVERSIZE, "Cookie: " + NAME + "=Fe26.2*" + "a".repeat(5000));
  }

  @Test
  void sealOfANumberOrString_readsEmpty_notAnObject() {
    assertEmptyTrackerFor(
        RejectionReason.NOT_AN_OBJECT, "Cookie: " + NAME + "=" + sealAtFixedClock("42"));
    REASONS.clear();
    // tracker-cookie's res.track("hello")
    assertEmptyTrackerFor(
        RejectionReason.NOT_AN_OBJECT,
        "Cookie: " + NAME + "=" + sealAtFixedClock("\"\\\"hello\\\"\""));
  }

  @Test
  void sealOfInvalidJson_readsEmpty_invalidJson() {
    assertEmptyTrackerFor(
        RejectionReason.INVALID_JSON, "Cookie: " + NAME + "=" + sealAtFixedClock("{bad"));
    REASONS.clear();
    String deep = "[".repeat(200) + "]".repeat(200);
    assertEmptyTrackerFor(
        RejectionReason.INVALID_JSON,
        "Cookie: " + NAME + "=" + sealAtFixedClock("{\"d\":" + deep + "}"));
  }

  @Test
  void sealWithAProtoKey_readsEmpty_forbiddenKey() {
    assertEmptyTrackerFor(
        RejectionReason.FORBIDDEN_KEY,
        "Cookie: " + NAME + "=" + sealAtFixedClock("{\"a\":{\"__proto__\":{\"x\":1}}}"));
  }

  @Test
  void quotedCookie_isUnquotedAndRead() {
    assertEquals(
        "{\"secret\":\"" + MARKER + "\"}",
        server.get("/read", "Cookie: " + NAME + "=\"" + good + "\"").body());
  }

  @Test
  void percentEncodedStars_areDecodedAsExpressClientsSendThem() {
    assertEquals(
        "{\"secret\":\"" + MARKER + "\"}",
        server.get("/read", "Cookie: " + NAME + "=" + good.replace("*", "%2A")).body());
  }

  @Test
  void duplicateNames_firstValidWins_inOneHeaderAndAcrossHeaders() {
    assertEquals(
        "{\"secret\":\"" + MARKER + "\"}",
        server.get("/read", "Cookie: " + NAME + "=garbage-value-7Qx; " + NAME + "=" + good).body());
    assertEquals(List.of(RejectionReason.MALFORMED), REASONS);
    assertEquals(
        "{\"secret\":\"" + MARKER + "\"}",
        server
            .get("/read", "Cookie: " + NAME + "=garbage-value-7Qx", "Cookie: " + NAME + "=" + good)
            .body());
    String other = server.get("/put?k=other&v=1").cookieValue(NAME);
    assertEquals(
        "{\"other\":\"1\"}",
        server.get("/read", "Cookie: " + NAME + "=" + other + "; " + NAME + "=" + good).body());
  }

  @Test
  void commaSmuggledCookie_isNotACookie() {
    RawHttp.Response response = server.get("/read", "Cookie: other=x," + NAME + "=" + good);
    assertEquals(200, response.status());
    assertEquals("{}", response.body());
    assertTrue(REASONS.isEmpty(), "the fragment belongs to the cookie 'other'");
  }

  @Test
  void garbageFragmentsAndVersionAttributes_areIgnored() {
    RawHttp.Response response =
        server.get("/read", "Cookie: $Version=x; junk; =; a=1;; " + NAME + "=" + good + ";");
    assertEquals(200, response.status());
    assertEquals("{\"secret\":\"" + MARKER + "\"}", response.body());
  }

  @Test
  void rejections_areLoggedWithTheReasonOnly_neverTheValueOrSecrets() {
    LOG_LINES.clear();
    server.get("/read", "Cookie: " + NAME + "=garbage-value-7Qx");
    server.get(
        "/read",
        "Cookie: "
            + NAME
            + "="
            + TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "{\"s\":\"" + MARKER + "\"}"));
    server.get("/read", "Cookie: " + NAME + "=" + sealAtFixedClock(MARKER));
    List<String> lines = List.copyOf(LOG_LINES);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(0).contains("MALFORMED"), lines.get(0));
    assertTrue(lines.get(1).contains("BAD_MAC"), lines.get(1));
    assertTrue(lines.get(2).contains("INVALID_JSON"), lines.get(2));
    for (String line : lines) {
      assertFalse(line.contains("garbage-value"), line);
      assertFalse(line.contains("Fe26"), line);
      assertFalse(line.contains(MARKER), line);
      assertFalse(line.contains(TestConfigs.PASSWORD), line);
      assertFalse(line.contains(TestConfigs.OTHER_PASSWORD), line);
    }
  }

  @Test
  void unknownPasswordId_readsEmpty_unknownPasswordId() throws Exception {
    List<RejectionReason> reasons = Collections.synchronizedList(new ArrayList<>());
    TrackerConfig rotated =
        TrackerConfig.builder()
            .passwords(IronPasswords.builder().current("v2", TestConfigs.OTHER_PASSWORD).build())
            .listener(
                new TrackerListener() {
                  @Override
                  public void cookieRejected(RejectionReason reason) {
                    reasons.add(reason);
                  }
                })
            .build();
    String v1 =
        IronCodec.create(
                IronPasswords.builder().current("v1", TestConfigs.PASSWORD).build(),
                IronOptions.defaults())
            .seal("{\"a\":1}");
    try (TestServer rotatedServer = new TestServer(() -> TestConfigs.app(rotated))) {
      RawHttp.Response response = rotatedServer.get("/read", "Cookie: " + NAME + "=" + v1);
      assertEquals(200, response.status());
      assertEquals("{}", response.body());
      assertEquals(List.of(RejectionReason.UNKNOWN_PASSWORD_ID), reasons);
    }
  }
}
