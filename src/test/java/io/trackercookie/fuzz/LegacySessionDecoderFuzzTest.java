package io.trackercookie.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.trackercookie.legacy.LegacyCookieException;
import io.trackercookie.legacy.LegacyCookieWriter;
import io.trackercookie.legacy.LegacySessionDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Jazzer harnesses for {@link LegacySessionDecoder#decode}: whatever the input, only {@link
 * LegacyCookieException} may come out. A normal build replays the seeds in
 * LegacySessionDecoderFuzzTestInputs/; see the pom's Jazzer block for the command that fuzzes.
 */
class LegacySessionDecoderFuzzTest {

  private static final String SECRET = "secret";
  private static final long T0 = 1735689600000L;

  /** cs-basic from vectors/cookie-sessions.json, written by cookie-sessions 0.0.2. */
  static final String VALID_COOKIE =
      "012430930ece23b770e7057da56314b2f7204eec1735689600000"
          + "990cc18115e9747e9c166b3be57bedd334afc1e23f1bc4c5a7a01cca83"
          + "7995777ce5ce5142d4d3eae0289078d7c208a7";

  static final String VALID_JSON = "{\"user\":\"alice\",\"roles\":[\"admin\"]}";

  private static final LegacySessionDecoder DECODER =
      LegacySessionDecoder.builder()
          .secret(SECRET)
          .clock(Clock.fixed(Instant.ofEpochMilli(T0 + 1000), ZoneOffset.UTC))
          .build();

  /** The oracle for the JSON check: strict Jackson, without its nesting limit. */
  private static final ObjectMapper STRICT_JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static {
    STRICT_JSON
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build());
  }

  @FuzzTest(maxDuration = "2m")
  void decodeArbitraryText_throwsOnlyLegacyCookieException(byte[] input) {
    try {
      DECODER.decode(new String(input, StandardCharsets.UTF_8));
    } catch (LegacyCookieException expected) {
      // the only allowed failure
    }
  }

  @FuzzTest(maxDuration = "2m")
  void decodeMutatedCookie_refusesEveryChange(byte[] ops) {
    String mutated = Mutations.apply(VALID_COOKIE, ops);
    String json;
    try {
      json = DECODER.decode(mutated);
    } catch (LegacyCookieException e) {
      if (mutated.equals(VALID_COOKIE)) {
        fail("the unmodified cookie was refused: " + e.reason());
      }
      return;
    }
    if (!mutated.equals(VALID_COOKIE)) {
      fail("a modified cookie was accepted");
    }
    assertEquals(VALID_JSON, json);
  }

  /**
   * Signs and encrypts arbitrary plaintext with the right secret, so the fuzzer reaches what runs
   * after the MAC: decryption, strict UTF-8 and the JSON check, which must agree with Jackson.
   */
  @FuzzTest(maxDuration = "2m")
  void decodeResignedPlaintext_returnsItExactlyWhenItIsUtf8Json(byte[] plaintext) {
    String cookie = LegacyCookieWriter.write(SECRET, T0, plaintext);
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plaintext)).toString();
    } catch (CharacterCodingException e) {
      text = null;
    }
    String json;
    try {
      json = DECODER.decode(cookie);
    } catch (LegacyCookieException e) {
      switch (e.reason()) {
        case TOO_LONG -> assertTrue(cookie.length() > DECODER.maxCookieLength());
        case INVALID_UTF8 -> assertEquals(null, text, "valid UTF-8 was refused");
        case INVALID_JSON -> {
          assertTrue(text != null);
          assertTrue(!isJsonForJackson(text), "Jackson parses what the decoder refused");
        }
        default -> throw e;
      }
      return;
    }
    assertEquals(text, json);
    assertTrue(isJsonForJackson(json), "the decoder accepted what Jackson refuses");
  }

  private static boolean isJsonForJackson(String text) {
    try {
      STRICT_JSON.readTree(text);
      return !text.isBlank(); // readTree gives a MissingNode, not an error, for no content
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
