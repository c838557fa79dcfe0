package io.trackercookie.iron;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * The JSON step that follows unsealing, as the vectors need it: parse with Jackson's default limits
 * and refuse {@code __proto__} keys the way iron's Bourne parser does, so a cookie means the same
 * thing to a Node service and a Java one.
 */
final class VectorJson {

  static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** Numbers compare by value: 1 and 1.0 are the same JSON number. */
  static final Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private VectorJson() {}

  static final class JsonRejected extends Exception {
    private static final long serialVersionUID = 1L;

    JsonRejected(String message) {
      super(message);
    }
  }

  static JsonNode parse(String text) throws JsonRejected {
    JsonNode node;
    try {
      node = STRICT.readTree(text);
    } catch (Exception e) {
      throw new JsonRejected("not JSON");
    }
    if (node == null || node.isMissingNode()) {
      throw new JsonRejected("empty");
    }
    if (hasProtoKey(node)) {
      throw new JsonRejected("__proto__ key");
    }
    return node;
  }

  private static boolean hasProtoKey(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getKey().equals("__proto__") || hasProtoKey(field.getValue())) {
          return true;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        if (hasProtoKey(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
