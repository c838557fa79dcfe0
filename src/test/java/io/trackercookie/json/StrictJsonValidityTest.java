package io.trackercookie.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonValidityTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "null",
        "true",
        "false",
        "0",
        "-0",
        "1.5e+10",
        "-12.25E-3",
        "\"\"",
        "\"a\\u00e9\\n\\\"\"",
        " {\"a\" : [1, {\"b\":null}], \"c\":\"d\"} ",
        "[[[]]]",
        "{\"user\":\"alice\",\"roles\":[\"admin\"]}",
        "\"Zoë 中文 😀\""
      })
  void validJson_isAccepted(String json) {
    assertTrue(StrictJson.isValid(json));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "{",
        "}",
        "[",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\"}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "+1",
        "1e",
        "-",
        "tru",
        "nul",
        "\"abc",
        "\"\\x\"",
        "\"\\u12g4\"",
        "\"\\u١٢٣٤\"",
        "{} {}",
        "[1 2]",
        "not json",
        "'a'",
        "{\"a\":1]",
        "[1}",
        "\"tab\there\"",
        "NaN",
        "Infinity",
        "\u00a0{}"
      })
  void invalidJson_isRefused(String json) {
    assertFalse(StrictJson.isValid(json));
  }

  @org.junit.jupiter.api.Test
  void hostileNesting_isRefusedWithoutOverflowingTheStack() {
    int depth = 100_000;
    assertFalse(StrictJson.isValid("[".repeat(depth) + "]".repeat(depth)));
    assertFalse(StrictJson.isValid("[".repeat(depth) + "]".repeat(depth - 1)));
  }

  /** Agrees with Jackson on whatever Jackson writes. */
  @Property(tries = 300)
  void anyStringJacksonWrites_isValid(@ForAll String text) throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    String json =
        mapper.writeValueAsString(java.util.Map.of(text, java.util.List.of(text, 1.5, -3)));
    assertTrue(StrictJson.isValid(json), json);
  }
}
