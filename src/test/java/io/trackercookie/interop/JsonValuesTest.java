package io.trackercookie.interop;

import static io.trackercookie.interop.JsonValues.assertSameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison and generator the interop tests rely on; no Node needed. */
class JsonValuesTest {

  @Test
  void sameJson_treatsIntegralDoubleAndIntegerAsOneNumber_butSeesAnyOtherDifference() {
    assertSameJson(
        IronNodeInteropTest.parse("{\"a\":[3.0,1e2]}"),
        IronNodeInteropTest.parse("{\"a\":[3,100]}"),
        "numbers");
    assertThrows(
        AssertionError.class,
        () ->
            assertSameJson(
                IronNodeInteropTest.parse("{\"a\":3}"),
                IronNodeInteropTest.parse("{\"a\":4}"),
                "value"));
    assertThrows(
        AssertionError.class,
        () ->
            assertSameJson(
                IronNodeInteropTest.parse("{\"a\":\"3\"}"),
                IronNodeInteropTest.parse("{\"a\":3}"),
                "type"));
    assertThrows(
        AssertionError.class,
        () ->
            assertSameJson(
                IronNodeInteropTest.parse("{\"a\":1}"),
                IronNodeInteropTest.parse("{\"a\":1,\"b\":1}"),
                "keys"));
  }

  @Test
  void generator_isDeterministicPerSeed_andCoversEmojiCjkAndRightToLeftText() {
    List<JsonNode> first = IronNodeInteropTest.payloads(42, 200);
    assertEquals(first, IronNodeInteropTest.payloads(42, 200));
    String all = first.toString();
    assertTrue(all.codePoints().anyMatch(c -> c >= 0x1f300 && c <= 0x1f6ff), "emoji");
    assertTrue(all.codePoints().anyMatch(c -> c >= 0x4e00 && c <= 0x9fff), "CJK");
    assertTrue(all.codePoints().anyMatch(c -> c >= 0x0590 && c <= 0x06ff), "Hebrew/Arabic");
    assertTrue(first.stream().anyMatch(JsonNode::isArray), "top-level arrays");
    assertTrue(
        first.stream().anyMatch(n -> n.isObject() && n.toString().contains("[{")), "nesting");
  }
}
