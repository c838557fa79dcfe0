package io.trackercookie.iron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.iron.IronException.Reason;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays every case of iron-valid.json and iron-invalid.json, which the real @hapi/iron 7.0.1
 * produced: valid seals open to the expected value, invalid ones fail for the same reason iron
 * gives. Where iron is lenient (the vectors' {@code quirk} cases) this codec is strict on purpose;
 * {@link #STRICT_CHOICES} lists each case with the reason we give instead. iron finds a missing or
 * short password when it unseals; here the codec cannot be built with one ({@link
 * #CONFIGURATION_ERROR_CLASSES}).
 */
class IronVectorsTest {

  /** iron's error classes, as the vectors name them, and the reason this codec gives. */
  private static final Map<String, Reason> REASON_BY_ERROR_CLASS =
      Map.ofEntries(
          Map.entry("format", Reason.WRONG_PART_COUNT),
          Map.entry("prefix", Reason.WRONG_PREFIX),
          Map.entry("expiration-format", Reason.INVALID_EXPIRATION),
          Map.entry("expired", Reason.EXPIRED),
          Map.entry("password-unknown", Reason.UNKNOWN_PASSWORD_ID),
          Map.entry("hmac", Reason.BAD_MAC),
          Map.entry("base64", Reason.INVALID_BASE64),
          Map.entry("decrypt", Reason.DECRYPTION_FAILED));

  /** Where we decide differently from iron, and why. A null reason means "JSON step refuses". */
  private static final Map<String, Reason> STRICT_CHOICES =
      Map.ofEntries(
          // Bounded before any other work: a cookie this long is refused unread.
          Map.entry("i-100kb-no-separators", Reason.SEAL_TOO_LONG),
          Map.entry("i-100kb-encrypted-part", Reason.SEAL_TOO_LONG),
          // One canonical spelling per expiration; no number past 15 digits.
          Map.entry("i-expiration-huge-valid-mac", Reason.INVALID_EXPIRATION),
          Map.entry("i-expiration-leading-zeros-valid-mac", Reason.INVALID_EXPIRATION),
          // Canonical base64url only.
          Map.entry("i-encrypted-len-mod4-1-valid-mac", Reason.INVALID_BASE64),
          Map.entry("i-iv-noncanonical-valid-mac", Reason.INVALID_BASE64),
          // Text that is not UTF-8 is refused rather than patched with U+FFFD.
          Map.entry("i-plaintext-invalid-utf8-ff", Reason.INVALID_UTF8),
          Map.entry("i-plaintext-invalid-utf8-overlong", Reason.INVALID_UTF8),
          Map.entry("i-plaintext-invalid-utf8-surrogate", Reason.INVALID_UTF8),
          Map.entry("i-plaintext-invalid-utf8-truncated", Reason.INVALID_UTF8),
          // Garbage from the wrong cipher mode is not UTF-8 here; iron decodes it lossily and then
          // fails on JSON. Either way it is refused after the MAC.
          Map.entry("i-cbc-seal-read-as-ctr", Reason.INVALID_UTF8),
          // No prototype chain in a Java map: these ids are simply unknown.
          Map.entry("i-id-constructor", Reason.UNKNOWN_PASSWORD_ID),
          Map.entry("i-id-proto", Reason.UNKNOWN_PASSWORD_ID),
          // An empty salt with a password can never have been written by iron.
          Map.entry("i-encryption-salt-empty-valid-mac", Reason.DECRYPTION_FAILED));

  /** iron's error classes for a password it cannot use: a configuration error in Java. */
  private static final Set<String> CONFIGURATION_ERROR_CLASSES =
      Set.of("password-missing", "password-too-short");

  /** Other cases whose configuration the Java API refuses before any seal is read. */
  private static final Set<String> REFUSED_CONFIGURATIONS =
      Set.of(
          // iron's unseal takes {id, secret} as a map with the ids "id" and "secret"; the Java
          // keyring is typed, and "v1" as a password is refused for its length.
          "i-id-secret-object-as-unseal-password",
          // Ids must be word characters, on reading as on writing.
          "i-id-with-dash-valid-mac");

  /** JSON quirks: the JSON step's choice (refuse, or a value that differs from JavaScript's). */
  private static final Set<String> JSON_REFUSED_BY_CHOICE = Set.of("i-plaintext-deep-nesting-1500");

  @TestFactory
  Stream<DynamicTest> validVectorsOpenToTheValueIronGave() {
    return IronVectors.cases("iron-valid.json").stream()
        .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> invalidVectorsFailForTheReasonIronGave() {
    return IronVectors.cases("iron-invalid.json").stream()
        .map(c -> DynamicTest.dynamicTest(c.get("id").asText(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> validVectorsSealedAgainInJavaOpenToTheSameText() {
    return IronVectors.cases("iron-valid.json").stream()
        .filter(c -> c.get("outcome").asText().equals("ok") && c.has("plaintext"))
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.get("id").asText(),
                    () -> {
                      String plaintext = c.get("plaintext").asText();
                      String sealed = IronVectors.sealingCodec(c).seal(plaintext);
                      SealParts parts = SealParts.parse(sealed);
                      assertEquals(c.at("/parts/passwordId").asText(), parts.passwordId());
                      if (!c.at("/sealOptions/encryption").has("salt")) {
                        assertEquals(
                            c.at("/parts/encryptionSalt").asText().length(),
                            parts.encryptionSalt().length(),
                            "salt length");
                      }
                      assertEquals(plaintext, IronVectors.unsealingCodec(c).unseal(sealed));
                    }));
  }

  private static void check(JsonNode testCase) throws Exception {
    String id = testCase.get("id").asText();
    String sealed = testCase.get("sealed").asText();

    if (REFUSED_CONFIGURATIONS.contains(id)
        || (!STRICT_CHOICES.containsKey(id)
            && CONFIGURATION_ERROR_CLASSES.contains(testCase.path("errorClass").asText()))) {
      // A null password is a NullPointerException, as null is anywhere; the rest name the setting.
      RuntimeException e =
          assertThrows(RuntimeException.class, () -> IronVectors.unsealingCodec(testCase), id);
      assertTrue(
          e instanceof IllegalArgumentException || e instanceof NullPointerException,
          id + ": " + e);
      assertTrue(e.getMessage().contains("password"), id + ": " + e.getMessage());
      assertMessageLeaksNothing(e.getMessage(), testCase);
      return;
    }

    Reason expectedReason = expectedReason(testCase);
    boolean expectJsonFailure =
        JSON_REFUSED_BY_CHOICE.contains(id)
            || (expectedReason == null
                && testCase.get("outcome").asText().equals("error")
                && !STRICT_CHOICES.containsKey(id));

    String text;
    try {
      text = IronVectors.unsealingCodec(testCase).unseal(sealed);
    } catch (IronException e) {
      if (expectedReason == null) {
        fail(id + ": expected to open, but failed with " + e.reason());
      }
      assertEquals(expectedReason, e.reason(), id);
      assertMessageLeaksNothing(e.getMessage(), testCase);
      return;
    }
    if (expectedReason != null) {
      fail(id + ": expected " + expectedReason + " but the seal opened");
    }

    JsonNode actual;
    try {
      actual = VectorJson.parse(text);
    } catch (VectorJson.JsonRejected e) {
      assertTrue(expectJsonFailure, id + ": JSON step refused the content: " + e.getMessage());
      return;
    }
    if (expectJsonFailure) {
      fail(id + ": expected the JSON step to refuse the content");
    }
    if (id.equals("i-plaintext-big-integer")) {
      // JavaScript rounds to a double; Java keeps every digit that was sealed.
      assertEquals(new BigInteger("12345678901234567890"), actual.get("n").bigIntegerValue());
      return;
    }
    JsonNode expected = IronVectors.expected(testCase);
    assertTrue(
        expected.equals(VectorJson.NUMBERS_BY_VALUE, actual),
        id + ": expected " + expected + " but got " + actual);
  }

  /** The reason this codec must give, or null if the seal must open. */
  private static Reason expectedReason(JsonNode testCase) {
    String id = testCase.get("id").asText();
    if (STRICT_CHOICES.containsKey(id)) {
      return STRICT_CHOICES.get(id);
    }
    if (!testCase.get("outcome").asText().equals("error")) {
      return null;
    }
    return REASON_BY_ERROR_CLASS.get(testCase.get("errorClass").asText());
  }

  private static void assertMessageLeaksNothing(String message, JsonNode testCase) {
    String sealed = testCase.get("sealed").asText();
    if (sealed.length() > 8) {
      assertTrue(!message.contains(sealed), "message contains the seal");
    }
    JsonNode password = testCase.get("password");
    if (password != null && password.isTextual() && password.asText().length() > 3) {
      assertTrue(!message.contains(password.asText()), "message contains the password");
    }
  }
}
