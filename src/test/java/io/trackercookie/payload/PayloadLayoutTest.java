package io.trackercookie.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.PayloadFormat;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.payload.PayloadRefusedException.Reason;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each layout's wire rules, one table a rule: the sealed text and cookie value each writes, the
 * reading of every layout whatever wrote it, the {@code __proto__} rule and iron-session's ids.
 */
class PayloadLayoutTest {

  private static final String PASSWORD = "payload-layout-test-password-0123456789abcdef";

  /** Compact JSON, as the writers hand it over, with quotes and escapes to be quoted again. */
  private static final List<String> OBJECTS =
      List.of(
          "{}",
          "{\"user\":\"alice\"}",
          "{\"say\":\"\\\"hi\\\"\\\\\",\"n\":[1,2.5,-3e2,true,null]}",
          "{\"nl\":\"a\\nb\",\"u\":\"\\u00e9\",\"z\":\"Zo\u00eb \u2603 \ud83d\ude00\"}",
          "{\"a\":{\"b\":{\"c\":[]}}}");

  static Stream<Arguments> sealedTextOfEachLayout() {
    return Stream.of(
        Arguments.of(PayloadLayout.TRACKER_COOKIE, "{}", "\"{}\""),
        Arguments.of(
            PayloadLayout.TRACKER_COOKIE,
            "{\"user\":\"alice\"}",
            "\"{\\\"user\\\":\\\"alice\\\"}\""),
        Arguments.of(
            PayloadLayout.TRACKER_COOKIE,
            "{\"s\":\"say \\\"hi\\\" \\\\ \\n\"}",
            "\"{\\\"s\\\":\\\"say \\\\\\\"hi\\\\\\\" \\\\\\\\ \\\\n\\\"}\""),
        Arguments.of(
            PayloadLayout.TRACKER_COOKIE, "{\"e\":\"\u00e9\"}", "\"{\\\"e\\\":\\\"\u00e9\\\"}\""),
        Arguments.of(PayloadLayout.PLAIN_JSON, "{}", "{}"),
        Arguments.of(PayloadLayout.PLAIN_JSON, "{\"user\":\"alice\"}", "{\"user\":\"alice\"}"),
        Arguments.of(PayloadLayout.IRON_SESSION, "{}", "{}"),
        Arguments.of(PayloadLayout.IRON_SESSION, "{\"user\":\"alice\"}", "{\"user\":\"alice\"}"));
  }

  @ParameterizedTest
  @MethodSource
  void sealedTextOfEachLayout(PayloadLayout layout, String compactJson, String sealedText) {
    assertEquals(sealedText, layout.plaintext(compactJson));
    assertEquals(layout == PayloadLayout.TRACKER_COOKIE, layout.jsonInString());
  }

  static Stream<Arguments> cookieValueOfEachLayout() {
    return Stream.of(
        Arguments.of(PayloadLayout.TRACKER_COOKIE, "Fe26.2**s", 0),
        Arguments.of(PayloadLayout.PLAIN_JSON, "Fe26.2**s", 0),
        Arguments.of(PayloadLayout.IRON_SESSION, "Fe26.2**s~2", 2));
  }

  @ParameterizedTest
  @MethodSource
  void cookieValueOfEachLayout(PayloadLayout layout, String cookieValue, int suffixLength) {
    assertEquals(cookieValue, layout.cookieValue("Fe26.2**s"));
    assertEquals(suffixLength, layout.suffixLength());
    assertEquals(cookieValue.length(), "Fe26.2**s".length() + layout.suffixLength());
  }

  static Stream<Arguments> sealIn_removesOnlyIronSessionsExactSuffix() {
    return Stream.of(
        Arguments.of("Fe26.2**s~2", "Fe26.2**s"),
        Arguments.of("Fe26.2**s", "Fe26.2**s"),
        Arguments.of("Fe26.2**s~3", "Fe26.2**s~3"),
        Arguments.of("Fe26.2**s~", "Fe26.2**s~"),
        Arguments.of("Fe26.2**s2", "Fe26.2**s2"),
        Arguments.of("Fe26.2**s~2~2", "Fe26.2**s~2"),
        Arguments.of("~2", ""));
  }

  @ParameterizedTest
  @MethodSource
  void sealIn_removesOnlyIronSessionsExactSuffix(String cookieValue, String seal) {
    assertEquals(seal, PayloadLayout.sealIn(cookieValue));
  }

  @Test
  void everyLayout_isReadBackToItsJson_whateverLayoutWroteIt() throws PayloadRefusedException {
    for (PayloadLayout layout : PayloadLayout.values()) {
      for (String json : OBJECTS) {
        String cookieValue = layout.cookieValue(seal(layout.plaintext(json)));
        String opened = open(PayloadLayout.sealIn(cookieValue));
        assertEquals(json, PayloadText.read(opened), layout + " " + json);
      }
    }
  }

  static Stream<Arguments> payloadIn_unwrapsAJsonStringHoldingJson_once() {
    return Stream.of(
        Arguments.of("{\"a\":1}", "{\"a\":1}"),
        Arguments.of(" {\"a\" : 1, \"a\": 2}\n", "{\"a\":1,\"a\":2}"),
        Arguments.of("\"{\\\"a\\\": 1}\"", "{\"a\":1}"),
        Arguments.of(" \"{}\" ", "{}"),
        // A string holding JSON that is no object is unwrapped all the same.
        Arguments.of("\"[1, 2]\"", "[1,2]"),
        Arguments.of("\"42\"", "42"),
        Arguments.of("\"\\\"hello\\\"\"", "\"hello\""),
        // Once only: a string holding a string holding JSON gives the inner string.
        Arguments.of("\"\\\"{}\\\"\"", "\"{}\""),
        // A string holding no JSON is that string, as npm tracker-cookie reads it.
        Arguments.of("\"hello\"", "\"hello\""),
        Arguments.of("\"{\\\"a\\\":1} trailing\"", "\"{\\\"a\\\":1} trailing\""),
        Arguments.of("\"\"", "\"\""),
        // A lone surrogate cannot be handed on as text: the string stays as it was sealed.
        Arguments.of("\"\\ud800\"", "\"\\ud800\""),
        Arguments.of("[1, \"x\"]", "[1,\"x\"]"),
        Arguments.of("null", "null"));
  }

  @ParameterizedTest
  @MethodSource
  void payloadIn_unwrapsAJsonStringHoldingJson_once(String sealedText, String payload)
      throws PayloadRefusedException {
    assertEquals(payload, PayloadText.read(sealedText));
  }

  static Stream<Arguments> refusedAsHapiIronRefusesIt() {
    return Stream.of(
        Arguments.of("", Reason.INVALID_JSON),
        Arguments.of(" \n", Reason.INVALID_JSON),
        Arguments.of("\uFEFF{}", Reason.INVALID_JSON),
        Arguments.of("{\"secret\":1} trailing", Reason.INVALID_JSON),
        Arguments.of("{\"secret\":NaN}", Reason.INVALID_JSON),
        Arguments.of("/* secret */ {}", Reason.INVALID_JSON),
        Arguments.of("{'secret':1}", Reason.INVALID_JSON),
        Arguments.of("{\"__proto__\":{\"secret\":1}}", Reason.FORBIDDEN_KEY),
        Arguments.of("{\"a\":[{\"b\":{\"__proto__\":1}}]}", Reason.FORBIDDEN_KEY),
        Arguments.of("{\"a\":[{\"__pro\\u0074o__\":\"secret\"}]}", Reason.FORBIDDEN_KEY),
        Arguments.of("{\"ok\":1,\"ok\":2,\"__proto__\":3}", Reason.FORBIDDEN_KEY),
        // In tracker-cookie's layout the rule holds for the JSON in the string.
        Arguments.of("\"{\\\"__proto__\\\":\\\"secret\\\"}\"", Reason.FORBIDDEN_KEY),
        Arguments.of("\"[{\\\"__pro\\\\u0074o__\\\":1}]\"", Reason.FORBIDDEN_KEY));
  }

  @ParameterizedTest
  @MethodSource
  void refusedAsHapiIronRefusesIt(String sealedText, Reason reason) {
    PayloadRefusedException refused =
        assertThrows(PayloadRefusedException.class, () -> PayloadText.read(sealedText));
    assertEquals(reason, refused.reason());
    assertFalse(refused.getMessage().contains("secret"), refused.getMessage());
  }

  @Test
  void invalidJson_isReportedByPosition() {
    PayloadRefusedException refused =
        assertThrows(PayloadRefusedException.class, () -> PayloadText.read("{\n \"a\": x}"));
    assertEquals("unexpected character, expected a value (line 2, column 7)", refused.getMessage());
  }

  static Stream<Arguments> onlyTheExactNameIsForbidden() {
    return Stream.of(
        Arguments.of("__proto__", true),
        Arguments.of("__proto", false),
        Arguments.of("_proto__", false),
        Arguments.of("__PROTO__", false),
        Arguments.of(" __proto__", false),
        Arguments.of("prototype", false),
        Arguments.of("constructor", false));
  }

  @ParameterizedTest
  @MethodSource
  void onlyTheExactNameIsForbidden(String name, boolean forbidden) throws PayloadRefusedException {
    assertEquals(forbidden, PayloadLayout.isForbiddenName(name));
    String json = "{\"" + name + "\":1}";
    if (forbidden) {
      assertThrows(PayloadRefusedException.class, () -> PayloadText.read(json));
    } else {
      assertEquals(json, PayloadText.read(json));
    }
  }

  static Stream<Arguments> trackerCookieContent_insistsOnAJsonString() {
    return Stream.of(
        Arguments.of("\"{\\\"a\\\":1}\"", "{\"a\":1}"),
        Arguments.of(" \"not json\" ", "not json"),
        Arguments.of("\"\"", ""),
        Arguments.of("{\"a\":1}", null),
        Arguments.of("\"a\" \"b\"", null),
        Arguments.of("42", null),
        Arguments.of("\"\\ud800\"", null));
  }

  @ParameterizedTest
  @MethodSource
  void trackerCookieContent_insistsOnAJsonString(String sealedText, String content)
      throws PayloadRefusedException {
    if (content != null) {
      assertEquals(content, PayloadText.trackerCookieContent(sealedText));
    } else {
      PayloadRefusedException refused =
          assertThrows(
              PayloadRefusedException.class, () -> PayloadText.trackerCookieContent(sealedText));
      assertEquals(Reason.NOT_A_JSON_STRING, refused.reason());
    }
  }

  static Stream<Arguments> passwordIdsEachLayoutSealsWith() {
    return Stream.of(
        Arguments.of(PayloadLayout.IRON_SESSION, "1", true),
        Arguments.of(PayloadLayout.IRON_SESSION, "20260101", true),
        Arguments.of(PayloadLayout.IRON_SESSION, "default", false),
        Arguments.of(PayloadLayout.IRON_SESSION, "v2", false),
        Arguments.of(PayloadLayout.IRON_SESSION, "", false),
        // iron-session reads an id as a JavaScript number: only the text JavaScript writes back.
        Arguments.of(PayloadLayout.IRON_SESSION, "0", true),
        Arguments.of(PayloadLayout.IRON_SESSION, "9007199254740991", true),
        Arguments.of(PayloadLayout.IRON_SESSION, "9007199254740992", false),
        Arguments.of(PayloadLayout.IRON_SESSION, "12345678901234567890", false),
        Arguments.of(PayloadLayout.IRON_SESSION, "01", false),
        Arguments.of(PayloadLayout.IRON_SESSION, "00", false),
        Arguments.of(PayloadLayout.TRACKER_COOKIE, "01", true),
        Arguments.of(PayloadLayout.TRACKER_COOKIE, "default", true),
        Arguments.of(PayloadLayout.TRACKER_COOKIE, "v2", true),
        Arguments.of(PayloadLayout.PLAIN_JSON, "v2", true));
  }

  @ParameterizedTest
  @MethodSource
  void passwordIdsEachLayoutSealsWith(PayloadLayout layout, String id, boolean seals) {
    assertEquals(seals, layout.sealsWithPasswordId(id));
  }

  @Test
  void ironSession_givesASinglePasswordId1_whichStillOpensSealsWithoutAnId() {
    IronPasswords sealing =
        PayloadLayout.IRON_SESSION.sealingPasswords(IronPasswords.single(PASSWORD), PASSWORD);
    assertEquals(PayloadLayout.IRON_SESSION_SINGLE_PASSWORD_ID, sealing.sealingId());
    IronCodec codec = IronCodec.create(sealing, IronOptions.defaults());
    assertTrue(codec.seal("{}").startsWith("Fe26.2*1*"));
    String withoutId = IronCodec.create(PASSWORD).seal("{\"old\":1}");
    assertEquals("{\"old\":1}", codec.unseal(withoutId));
  }

  @Test
  void ironSession_refusesAKeyringWhoseCurrentIdIsNoNumber_andKeepsANumericOne() {
    IronPasswords named = IronPasswords.builder().current("v2", PASSWORD).build();
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> PayloadLayout.IRON_SESSION.sealingPasswords(named, null));
    assertEquals(
        "iron-session reads numeric password ids only; the current id is not a number",
        refused.getMessage());
    IronPasswords numbered = IronPasswords.builder().current("2", PASSWORD).build();
    assertSame(numbered, PayloadLayout.IRON_SESSION.sealingPasswords(numbered, null));
  }

  @ParameterizedTest
  @EnumSource(
      value = PayloadLayout.class,
      names = {"TRACKER_COOKIE", "PLAIN_JSON"})
  void otherLayouts_sealWithThePasswordsAsConfigured(PayloadLayout layout) {
    IronPasswords single = IronPasswords.single(PASSWORD);
    assertSame(single, layout.sealingPasswords(single, PASSWORD));
    IronPasswords named = IronPasswords.builder().current("v2", PASSWORD).build();
    assertSame(named, layout.sealingPasswords(named, null));
  }

  @Test
  void everyConfigurableFormat_hasTheLayoutOfItsName() {
    assertEquals(
        Arrays.stream(PayloadFormat.values()).map(Enum::name).toList(),
        Arrays.stream(PayloadLayout.values()).map(Enum::name).toList());
  }

  private static String seal(String plaintext) {
    return IronCodec.create(PASSWORD).seal(plaintext);
  }

  private static String open(String seal) {
    return IronCodec.create(PASSWORD).unseal(seal);
  }
}
