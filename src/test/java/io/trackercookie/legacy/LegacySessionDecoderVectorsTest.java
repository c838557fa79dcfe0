package io.trackercookie.legacy;

import static io.trackercookie.legacy.CookieSessionsVectors.byId;
import static io.trackercookie.legacy.CookieSessionsVectors.parse;
import static io.trackercookie.legacy.CookieSessionsVectors.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.legacy.LegacyCookieException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays vectors/cookie-sessions.json: cookies written by cookie-sessions 0.0.2's own serialize(),
 * and the outcome of its own deserialize() at each recorded clock.
 */
class LegacySessionDecoderVectorsTest {

  /**
   * The reason this reader gives for each tampered vector. Where the package accepted the input
   * (the four "quirk" cases) this reader refuses it on purpose: see the quirk tests below.
   */
  private static final Map<String, Reason> TAMPERED =
      Map.ofEntries(
          Map.entry("cst-hmac-flip", Reason.BAD_MAC),
          // Strict: serialize() writes lowercase hex, so uppercase is not the format at all.
          Map.entry("cst-hmac-uppercase", Reason.MALFORMED),
          Map.entry("cst-timestamp-changed", Reason.BAD_MAC),
          Map.entry("cst-data-flip", Reason.BAD_MAC),
          Map.entry("cst-data-truncated", Reason.BAD_MAC),
          Map.entry("cst-wrong-secret", Reason.BAD_MAC),
          Map.entry("cst-expired", Reason.EXPIRED),
          Map.entry("cst-empty", Reason.MALFORMED),
          Map.entry("cst-signature-only", Reason.MALFORMED),
          Map.entry("cst-iron-seal", Reason.MALFORMED),
          Map.entry("cst-resigned-bad-padding", Reason.DECRYPTION_FAILED),
          Map.entry("cst-resigned-non-json", Reason.INVALID_JSON),
          // Node threw on odd-length hex after the MAC; the structure check refuses it before.
          Map.entry("cst-resigned-odd-length-hex", Reason.MALFORMED),
          Map.entry("cst-resigned-trailing-garbage", Reason.MALFORMED),
          Map.entry("cst-resigned-uppercase-hex", Reason.MALFORMED),
          Map.entry("cst-resigned-leading-zero-timestamp", Reason.MALFORMED),
          Map.entry("cst-resigned-timestamp-trailing-junk", Reason.MALFORMED));

  /** The package's error classes, and the reasons of this reader that fall in each. */
  private static final Map<String, Set<Reason>> ERROR_CLASSES =
      Map.of(
          "invalid", EnumSet.of(Reason.MALFORMED, Reason.BAD_MAC, Reason.EXPIRED),
          // Odd-length hex was a decrypt error in Node; here it is refused as MALFORMED first.
          "decrypt", EnumSet.of(Reason.DECRYPTION_FAILED, Reason.MALFORMED),
          "json", EnumSet.of(Reason.INVALID_JSON));

  static LegacySessionDecoder decoder(String secret, long timeoutMs, long nowMs) {
    return LegacySessionDecoder.builder()
        .secret(secret)
        .timeout(Duration.ofMillis(timeoutMs))
        .clock(Clock.fixed(Instant.ofEpochMilli(nowMs), ZoneOffset.UTC))
        .build();
  }

  @TestFactory
  Stream<DynamicTest> everySerializedCheck_matchesThePackagesDeserialize() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode vector : section("serialized")) {
      if (!vector.has("cookieValue")) {
        continue; // cs-too-long: serialize() refused it, so there is no cookie
      }
      String cookie = vector.get("cookieValue").asText();
      String secret = vector.get("secret").asText();
      int i = 0;
      for (JsonNode check : vector.get("checks")) {
        String name = vector.get("id").asText() + " check " + i++;
        tests.add(
            dynamicTest(
                name,
                () -> {
                  LegacySessionDecoder decoder =
                      decoder(secret, check.get("timeoutMs").asLong(), check.get("now").asLong());
                  if (check.get("outcome").asText().equals("ok")) {
                    LegacySession session = decoder.open(cookie);
                    assertEquals(check.get("expected"), parse(session.json()));
                    assertEquals(
                        vector.get("timestamp").asLong(), session.timestamp().toEpochMilli());
                  } else {
                    LegacyCookieException e =
                        assertThrows(LegacyCookieException.class, () -> decoder.decode(cookie));
                    String errorClass = check.get("errorClass").asText();
                    assertTrue(
                        ERROR_CLASSES.get(errorClass).contains(e.reason()),
                        e.reason() + " is not in the package's class " + errorClass);
                  }
                }));
      }
    }
    assertEquals(57, tests.size(), "the README counts 57 checks");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyTamperedCookie_isRefusedWithItsReason() {
    List<JsonNode> vectors = section("tampered");
    assertEquals(
        TAMPERED.keySet(),
        vectors.stream().map(v -> v.get("id").asText()).collect(Collectors.toSet()),
        "every tampered vector has an expected reason here");
    return vectors.stream()
        .map(
            v ->
                dynamicTest(
                    v.get("id").asText(),
                    () -> {
                      LegacySessionDecoder decoder =
                          decoder(
                              v.get("secret").asText(),
                              v.get("timeoutMs").asLong(),
                              v.get("now").asLong());
                      Reason expected = TAMPERED.get(v.get("id").asText());
                      LegacyCookieException e =
                          assertThrows(
                              LegacyCookieException.class,
                              () -> decoder.decode(v.get("cookieValue").asText()));
                      assertEquals(expected, e.reason());
                      if (v.get("outcome").asText().equals("error")) {
                        assertTrue(
                            ERROR_CLASSES.get(v.get("errorClass").asText()).contains(e.reason()));
                      } else {
                        assertTrue(v.has("quirk"), "only quirk cases were accepted by the package");
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyHttpCapturedCookie_decodesToWhatTheMiddlewareRestored() {
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode exchange : section("http")) {
      if (!exchange.hasNonNull("cookieTimestamp")) {
        continue; // no cookie, or the empty value that clears one
      }
      JsonNode settings = exchange.get("settings");
      long timestamp = exchange.get("cookieTimestamp").asLong();
      tests.add(
          dynamicTest(
              exchange.get("id").asText(),
              () -> {
                // The captures used the real clock: read them one second after they were written.
                LegacySessionDecoder decoder =
                    decoder(
                        settings.get("secret").asText(),
                        settings.get("timeout").asLong(),
                        timestamp + 1000);
                LegacySession session = decoder.open(exchange.get("cookieValue").asText());
                assertEquals(exchange.get("decoded"), parse(session.json()));
                assertEquals(Instant.ofEpochMilli(timestamp), session.timestamp());
              }));
    }
    assertEquals(6, tests.size(), "six captures carry a cookie");
    return tests.stream();
  }

  @Test
  void testWriter_reproducesEverySerializedCookieByteForByte() {
    int compared = 0;
    for (JsonNode vector : section("serialized")) {
      if (!vector.has("cookieValue") || vector.get("id").asText().equals("cs-old-12-digit")) {
        continue;
      }
      assertEquals(
          vector.get("cookieValue").asText(),
          LegacyCookieWriter.write(
              vector.get("secret").asText(),
              vector.get("timestamp").asLong(),
              vector.get("plaintext").asText()),
          vector.get("id").asText());
      compared++;
    }
    assertEquals(14, compared);
  }

  // --- The package's quirks: each refused on purpose. The package accepted these inputs only
  // because of parseInt and Node's hex decoder; its own serialize() never writes them.

  @Test
  void quirk_hexWithTrailingNonHexPair_isRefusedAsMalformed() {
    // Node's Buffer.from(hex) stopped at "zz" and decrypted the rest; a strict decoder must not
    // ignore bytes the MAC vouched for but the cipher never saw.
    assertQuirkRefused("cst-resigned-trailing-garbage");
  }

  @Test
  void quirk_uppercaseCiphertextHex_isRefusedAsMalformed() {
    // The MAC covers the uppercase text, so this is authentic, but serialize() writes lowercase:
    // one spelling per cookie keeps the format canonical.
    assertQuirkRefused("cst-resigned-uppercase-hex");
  }

  @Test
  void quirk_timestampWithLeadingZero_isRefusedAsMalformed() {
    // parseInt("0999999999999") and a MAC over "999999999999": a second spelling of a timestamp.
    assertQuirkRefused("cst-resigned-leading-zero-timestamp");
  }

  @Test
  void quirk_timestampWithTrailingJunk_isRefusedAsMalformed() {
    // parseInt("1735689600x00") = 1735689600 (1970!): the field must be 13 digits and nothing else.
    assertQuirkRefused("cst-resigned-timestamp-trailing-junk");
  }

  @Test
  void quirk_twelveDigitTimestampBefore2001_isRefusedAsMalformed() {
    // serialize() wrote 12 digits and split() read 13, so the package could never restore these
    // either (odd-length hex, or a MAC failure); refusing them loses nothing.
    JsonNode vector = byId("serialized", "cs-old-12-digit");
    JsonNode check = vector.get("checks").get(0);
    LegacyCookieException e =
        assertThrows(
            LegacyCookieException.class,
            () ->
                decoder(
                        vector.get("secret").asText(),
                        check.get("timeoutMs").asLong(),
                        check.get("now").asLong())
                    .decode(vector.get("cookieValue").asText()));
    assertEquals(Reason.MALFORMED, e.reason());
  }

  private static void assertQuirkRefused(String id) {
    JsonNode v = byId("tampered", id);
    assertEquals("ok", v.get("outcome").asText(), "the package accepted this input");
    LegacySessionDecoder decoder =
        decoder(v.get("secret").asText(), v.get("timeoutMs").asLong(), v.get("now").asLong());
    LegacyCookieException e =
        assertThrows(
            LegacyCookieException.class, () -> decoder.decode(v.get("cookieValue").asText()));
    assertEquals(Reason.MALFORMED, e.reason());
    assertFalse(e.getMessage().contains(v.get("cookieValue").asText()));
  }
}
