package io.trackercookie.interop;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Random;

/**
 * Random JSON values for the interop tests, and a structural comparison of JSON values.
 *
 * <p>Values stay inside what JSON means in both languages: integers within ±2^53 (JavaScript
 * numbers), finite doubles, well-formed Unicode (emoji as surrogate pairs, CJK, right-to-left
 * scripts, control characters, quotes and backslashes; no lone surrogates, which are not text).
 */
final class JsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  /** Code point ranges strings are drawn from, each picked with equal chance. */
  private static final int[][] SCRIPTS = {
    {0x20, 0x7e}, // printable ASCII, including " and \
    {0x00, 0x1f}, // control characters: escaped differently by JSON.stringify and Jackson
    {0xc0, 0x17f}, // Latin accents
    {0x4e00, 0x9fff}, // CJK
    {0x0590, 0x05ff}, // Hebrew (right-to-left)
    {0x0600, 0x06ff}, // Arabic (right-to-left)
    {0x1f300, 0x1f6ff}, // emoji: surrogate pairs in UTF-16
    {0x2000, 0x206f}, // punctuation incl. U+2028/U+2029 and the bidi controls
  };

  /** Numbers are equal when their values are, whatever node type parsing picked (3 vs 3.0). */
  static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber()) {
          if (a.isIntegralNumber() && b.isIntegralNumber()) {
            return a.bigIntegerValue().equals(b.bigIntegerValue()) ? 0 : 1;
          }
          return a.decimalValue().compareTo(b.decimalValue()) == 0
                  || a.doubleValue() == b.doubleValue()
              ? 0
              : 1;
        }
        return 1;
      };

  private final Random random;

  JsonValues(long seed) {
    this.random = new Random(seed);
  }

  static void assertSameJson(JsonNode expected, JsonNode actual, String context) {
    if (expected == null || actual == null || !expected.equals(SAME_VALUE, actual)) {
      fail(context + ": JSON values differ\nexpected: " + expected + "\nactual:   " + actual);
    }
  }

  /** An object of up to {@code maxChars} characters of compact JSON (roughly: budget-based). */
  ObjectNode object(int maxChars) {
    int[] budget = {Math.max(2, random.nextInt(maxChars))};
    ObjectNode node = NODES.objectNode();
    fillObject(node, budget, 0);
    return node;
  }

  /** Any JSON value, mostly objects; now and then an array, a string, a number or a literal. */
  JsonNode value(int maxChars) {
    int pick = random.nextInt(20);
    int[] budget = {Math.max(2, random.nextInt(maxChars))};
    switch (pick) {
      case 0:
        ArrayNode array = NODES.arrayNode();
        fillArray(array, budget, 0);
        return array;
      case 1:
        return NODES.textNode(string(Math.min(200, budget[0])));
      case 2:
        return number();
      case 3:
        return random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
      default:
        ObjectNode object = NODES.objectNode();
        fillObject(object, budget, 0);
        return object;
    }
  }

  private void fillObject(ObjectNode node, int[] budget, int depth) {
    while (budget[0] > 0) {
      String key = string(1 + random.nextInt(12));
      if (key.equals("__proto__")) {
        continue; // iron's JSON parser (bourne) refuses it on purpose
      }
      budget[0] -= key.length() + 4;
      node.set(key, child(budget, depth));
      if (random.nextInt(8) == 0) {
        return;
      }
    }
  }

  private void fillArray(ArrayNode node, int[] budget, int depth) {
    while (budget[0] > 0) {
      node.add(child(budget, depth));
      if (random.nextInt(10) == 0) {
        return;
      }
    }
  }

  private JsonNode child(int[] budget, int depth) {
    int pick = random.nextInt(depth >= 5 ? 6 : 8);
    switch (pick) {
      case 0:
      case 1:
      case 2:
        String text = string(random.nextInt(Math.max(1, Math.min(120, budget[0]))));
        budget[0] -= text.length() + 3;
        return NODES.textNode(text);
      case 3:
      case 4:
        budget[0] -= 12;
        return number();
      case 5:
        budget[0] -= 5;
        int literal = random.nextInt(3);
        return literal == 0 ? NODES.nullNode() : NODES.booleanNode(literal == 1);
      case 6:
        ObjectNode object = NODES.objectNode();
        budget[0] -= 2;
        fillObject(object, budget, depth + 1);
        return object;
      default:
        ArrayNode array = NODES.arrayNode();
        budget[0] -= 2;
        fillArray(array, budget, depth + 1);
        return array;
    }
  }

  private JsonNode number() {
    switch (random.nextInt(4)) {
      case 0:
        return NODES.numberNode(random.nextInt(2001) - 1000);
      case 1:
        return NODES.numberNode(
            (long) (random.nextDouble() * 2 * MAX_SAFE_INTEGER) - MAX_SAFE_INTEGER);
      case 2:
        return NODES.numberNode(
            (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20));
      default:
        return NODES.numberNode(random.nextInt(100_000) / 100.0);
    }
  }

  /** A string of {@code length} code points from one or more scripts. */
  String string(int length) {
    StringBuilder text = new StringBuilder(length * 2);
    int[] script = SCRIPTS[random.nextInt(SCRIPTS.length)];
    for (int i = 0; i < length; i++) {
      if (random.nextInt(6) == 0) {
        script = SCRIPTS[random.nextInt(SCRIPTS.length)];
      }
      text.appendCodePoint(script[0] + random.nextInt(script[1] - script[0] + 1));
    }
    return text.toString();
  }
}
