package io.trackercookie.legacy;

import static io.trackercookie.legacy.LegacyCookieWriter.encryptHex;
import static io.trackercookie.legacy.LegacyCookieWriter.sign;
import static io.trackercookie.legacy.LegacyCookieWriter.write;
import static io.trackercookie.legacy.LegacySessionDecoderVectorsTest.decoder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.legacy.LegacyCookieException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class LegacySessionDecoderTest {

  private static final String SECRET = "secret";
  private static final long T0 = 1735689600000L; // 2025-01-01T00:00:00Z
  private static final long DAY = 86_400_000L;
  private static final String JSON = "{\"user\":\"alice\",\"roles\":[\"admin\"]}";
  private static final String COOKIE = write(SECRET, T0, JSON);

  private static LegacySessionDecoder readerAt(long nowMs) {
    return decoder(SECRET, DAY, nowMs);
  }

  private static Reason reasonFor(LegacySessionDecoder decoder, String cookie) {
    return assertThrows(LegacyCookieException.class, () -> decoder.decode(cookie)).reason();
  }

  private static String withCharAt(String s, int index, char c) {
    return s.substring(0, index) + c + s.substring(index + 1);
  }

  @Test
  void open_validCookie_returnsJsonAndTimestamp() {
    LegacySession session = readerAt(T0 + 1).open(COOKIE);
    assertEquals(JSON, session.json());
    assertEquals(Instant.ofEpochMilli(T0), session.timestamp());
  }

  // --- one tamper per field

  @Test
  void decode_withModifiedHmac_failsMac() {
    char c = COOKIE.charAt(5) == 'a' ? 'b' : 'a';
    assertEquals(Reason.BAD_MAC, reasonFor(readerAt(T0 + 1), withCharAt(COOKIE, 5, c)));
  }

  @Test
  void decode_withModifiedTimestamp_failsMac() {
    // Moving the timestamp forward would extend the session: the MAC covers it.
    String later = COOKIE.substring(0, 40) + (T0 + DAY) + COOKIE.substring(53);
    assertEquals(Reason.BAD_MAC, reasonFor(readerAt(T0 + 1), later));
  }

  @Test
  void decode_withModifiedCiphertext_failsMacBeforeDecrypting() {
    int last = COOKIE.length() - 1;
    char c = COOKIE.charAt(last) == '0' ? '1' : '0';
    assertEquals(Reason.BAD_MAC, reasonFor(readerAt(T0 + 1), withCharAt(COOKIE, last, c)));
  }

  @Test
  void decode_withCiphertextBlockRemoved_failsMac() {
    assertEquals(
        Reason.BAD_MAC, reasonFor(readerAt(T0 + 1), COOKIE.substring(0, COOKIE.length() - 32)));
  }

  @Test
  void decode_withAnotherSecret_failsMac() {
    assertEquals(Reason.BAD_MAC, reasonFor(decoder("not the secret", DAY, T0 + 1), COOKIE));
  }

  @Test
  void decode_resignedCiphertextWithBadPadding_failsDecryption() {
    String data = encryptHex(SECRET, JSON.getBytes(StandardCharsets.UTF_8));
    // Flip a byte of the next-to-last block: the last block's padding no longer checks out.
    int i = data.length() - 34;
    String broken = withCharAt(data, i, data.charAt(i) == 'f' ? '0' : 'f');
    String cookie = sign(SECRET, Long.toString(T0), broken);
    Reason reason = reasonFor(readerAt(T0 + 1), cookie);
    // One in ~256 flips still yields valid padding and then garbage: not UTF-8 or not JSON.
    assertTrue(
        reason == Reason.DECRYPTION_FAILED
            || reason == Reason.INVALID_UTF8
            || reason == Reason.INVALID_JSON,
        reason.toString());
  }

  @Test
  void decode_resignedCiphertextNotBlockAligned_failsDecryption() {
    String data = encryptHex(SECRET, JSON.getBytes(StandardCharsets.UTF_8));
    String cookie = sign(SECRET, Long.toString(T0), data.substring(0, data.length() - 2));
    assertEquals(Reason.DECRYPTION_FAILED, reasonFor(readerAt(T0 + 1), cookie));
  }

  @Test
  void decode_resignedNonUtf8Plaintext_failsUtf8() {
    String data = encryptHex(SECRET, new byte[] {'"', (byte) 0xC3, '"'});
    String cookie = sign(SECRET, Long.toString(T0), data);
    assertEquals(Reason.INVALID_UTF8, reasonFor(readerAt(T0 + 1), cookie));
  }

  @Test
  void decode_resignedPlaintextWithTwoJsonValues_failsJson() {
    String cookie = write(SECRET, T0, "{} {}");
    assertEquals(Reason.INVALID_JSON, reasonFor(readerAt(T0 + 1), cookie));
  }

  @Test
  void decode_everySingleCharacterChange_isRefused() {
    LegacySessionDecoder decoder = readerAt(T0 + 1);
    for (int i = 0; i < COOKIE.length(); i++) {
      for (char c : new char[] {'0', '9', 'a', 'f', 'A', 'z', ' '}) {
        if (COOKIE.charAt(i) != c) {
          String tampered = withCharAt(COOKIE, i, c);
          assertThrows(LegacyCookieException.class, () -> decoder.decode(tampered), "index " + i);
        }
      }
    }
  }

  // --- check order

  @Test
  void overlongGarbage_isRefusedForLengthBeforeAnythingElse() {
    String garbage = "z".repeat(LegacySessionDecoder.DEFAULT_MAX_COOKIE_LENGTH + 1);
    assertEquals(Reason.TOO_LONG, reasonFor(readerAt(T0), garbage));
  }

  @Test
  void expiredCookieWithBadMac_reportsBadMac_becauseTheMacIsCheckedFirst() {
    char c = COOKIE.charAt(0) == 'a' ? 'b' : 'a';
    assertEquals(Reason.BAD_MAC, reasonFor(readerAt(T0 + 2 * DAY), withCharAt(COOKIE, 0, c)));
  }

  @Test
  void expiredCookieWithBadPadding_reportsExpired_becauseNothingExpiredIsDecrypted() {
    String cookie = sign(SECRET, Long.toString(T0), "00".repeat(16));
    assertEquals(Reason.EXPIRED, reasonFor(readerAt(T0 + DAY), cookie));
    assertEquals(Reason.DECRYPTION_FAILED, reasonFor(readerAt(T0 + DAY - 1), cookie));
  }

  // --- time

  @Test
  void cookie_isValidUntilOneMillisecondBeforeTimestampPlusTimeout() {
    assertEquals(JSON, readerAt(T0 + DAY - 1).decode(COOKIE));
    assertEquals(Reason.EXPIRED, reasonFor(readerAt(T0 + DAY), COOKIE));
  }

  @Test
  void hugeTimeout_neverOverflowsIntoExpired() {
    String cookie = write(SECRET, 9_999_999_999_999L, JSON);
    LegacySessionDecoder decoder =
        LegacySessionDecoder.builder()
            .secret(SECRET)
            .timeout(Duration.ofMillis(Long.MAX_VALUE))
            .clock(Clock.fixed(Instant.ofEpochMilli(Long.MAX_VALUE), ZoneOffset.UTC))
            .build();
    assertEquals(JSON, decoder.decode(cookie));
  }

  // --- length bound

  @Test
  void cookieOfExactlyMaxLength_isRead_andOneCharLonger_isNot() {
    LegacySessionDecoder exact =
        LegacySessionDecoder.builder()
            .secret(SECRET)
            .maxCookieLength(COOKIE.length())
            .clock(Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC))
            .build();
    assertEquals(JSON, exact.decode(COOKIE));
    assertEquals(Reason.TOO_LONG, reasonFor(exact, COOKIE + "00"));
  }

  // --- no secrets in messages or toString

  @Test
  void messages_neverContainTheCookieTheSecretOrThePlaintext() {
    String secret = "a-distinctive-secret-value";
    String plaintext = "{\"ssn\":\"123-45-6789\"}";
    String valid = write(secret, T0, plaintext);
    List<String> cookies =
        List.of(
            valid.substring(0, 60),
            withCharAt(valid, 3, valid.charAt(3) == 'a' ? 'b' : 'a'),
            sign(secret, Long.toString(T0), "00".repeat(16)),
            write(secret, T0, "not json " + plaintext));
    for (String cookie : cookies) {
      LegacyCookieException e =
          assertThrows(
              LegacyCookieException.class, () -> decoder(secret, DAY, T0 + 1).decode(cookie));
      assertFalse(e.getMessage().contains(secret));
      assertFalse(e.getMessage().contains("123-45"));
      assertFalse(e.getMessage().contains(cookie.substring(0, 20)));
    }
  }

  @Test
  void toString_neverPrintsTheSecretOrTheSession() {
    LegacySessionDecoder decoder = LegacySessionDecoder.builder().secret("hunter2-secret").build();
    assertFalse(decoder.toString().contains("hunter2"));
    assertTrue(decoder.toString().contains("PT24H"));
    LegacySession session = readerAt(T0 + 1).open(COOKIE);
    assertFalse(session.toString().contains("alice"));
  }

  // --- builder

  @Test
  void builder_refusesMissingEmptyOrUnencodableSecrets() {
    assertThrows(IllegalStateException.class, () -> LegacySessionDecoder.builder().build());
    assertThrows(IllegalArgumentException.class, () -> LegacySessionDecoder.builder().secret(""));
    assertThrows(
        IllegalArgumentException.class, () -> LegacySessionDecoder.builder().secret("a\uD800b"));
    assertThrows(NullPointerException.class, () -> LegacySessionDecoder.builder().secret(null));
  }

  @Test
  void builder_refusesNonPositiveTimeoutsAndTinyLengthBounds() {
    LegacySessionDecoder.Builder b = LegacySessionDecoder.builder();
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.timeout(Duration.ofMillis(-1)));
    assertThrows(
        IllegalArgumentException.class, () -> b.timeout(Duration.ofSeconds(Long.MAX_VALUE)));
    assertThrows(
        IllegalArgumentException.class,
        () -> b.maxCookieLength(LegacySessionDecoder.MIN_COOKIE_LENGTH - 1));
  }

  @Test
  void builder_defaults_matchThePackage() {
    LegacySessionDecoder decoder = LegacySessionDecoder.builder().secret(SECRET).build();
    assertEquals(Duration.ofHours(24), decoder.timeout());
    assertTrue(decoder.maxCookieLength() > LegacySessionDecoder.PACKAGE_MAX_COOKIE_CHARS);
  }

  // --- threads

  @Test
  void decodersWithDifferentSecrets_shareThreadsSafely() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        String secret = "secret-" + t;
        String json = "{\"n\":" + t + "}";
        String cookie = write(secret, T0, json);
        LegacySessionDecoder decoder = decoder(secret, DAY, T0 + 1);
        results.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 200; i++) {
                    if (!decoder.decode(cookie).equals(json)) {
                      return false;
                    }
                  }
                  return true;
                }));
      }
      for (Future<Boolean> result : results) {
        assertTrue(result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
