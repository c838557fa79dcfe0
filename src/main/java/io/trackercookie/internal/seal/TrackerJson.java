package io.trackercookie.internal.seal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.payload.JsonModel;
import io.trackercookie.payload.NotJsonException;
import io.trackercookie.payload.PayloadLayout;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON on the wire, with its own strict mapper (not the application's: the cookie must mean the
 * same in Node and Java whatever the application configures).
 */
public final class TrackerJson {

  /** Deeper than any tracker needs; bounds the parser's work and stack. */
  static final int MAX_DEPTH = 64;

  /** The key no tracker holds: the layouts' {@link PayloadLayout#FORBIDDEN_NAME}. */
  public static final String FORBIDDEN_KEY = PayloadLayout.FORBIDDEN_NAME;

  public static final ObjectMapper WIRE =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** A cookie payload that is not a tracker. */
  public static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final RejectionReason reason;

    Rejected(RejectionReason reason) {
      super(reason.name(), null, false, false);
      this.reason = reason;
    }

    /** Why the payload is not a tracker. */
    public RejectionReason reason() {
      return reason;
    }
  }

  private TrackerJson() {}

  /**
   * Jackson trees for {@link PayloadLayout#payloadIn}: {@link #WIRE}'s strict parse, and a textual
   * node's text.
   */
  private static final JsonModel<JsonNode> TREES =
      new JsonModel<>() {
        @Override
        public JsonNode parse(String text) throws NotJsonException {
          try {
            JsonNode node = WIRE.readTree(text);
            if (node == null || node.isMissingNode()) {
              throw new NotJsonException(null);
            }
            return node;
          } catch (JsonProcessingException e) {
            throw new NotJsonException(null);
          }
        }

        @Override
        public String stringContent(JsonNode node) {
          return node.isTextual() ? node.textValue() : null;
        }
      };

  /**
   * The object in an unsealed payload of any layout ({@link PayloadLayout#payloadIn}):
   * tracker-cookie's JSON string holding JSON, or a plain JSON object (as @hapi/cookie seals).
   */
  static ObjectNode parsePayload(String text) throws Rejected {
    JsonNode node;
    try {
      node = PayloadLayout.payloadIn(text, TREES);
    } catch (NotJsonException e) {
      throw new Rejected(RejectionReason.INVALID_JSON);
    }
    // A string holding no JSON stays a string: tracker-cookie itself would hand the application a
    // string, which is not an object either.
    if (!(node instanceof ObjectNode object)) {
      throw new Rejected(RejectionReason.NOT_AN_OBJECT);
    }
    RejectionReason problem = problem(object);
    if (problem != null) {
      throw new Rejected(problem);
    }
    return object;
  }

  /**
   * Jackson's compact JSON of the object, written in one pass; with {@code quoted}, that JSON as a
   * JSON string (tracker-cookie's layout, {@link PayloadLayout#jsonInString}), escaped as it is
   * written rather than quoted afterwards, to the same text as {@link PayloadLayout#plaintext}.
   * Objects, arrays, strings, ints, longs, booleans and null are written here; any other node
   * (decimals, big numbers, binary, POJOs) is left to Jackson and quoted as it comes.
   */
  static String write(ObjectNode node, boolean quoted) {
    // Room for the JSON and, when quoted, an escape for each of its quotes.
    StringBuilder out = new StringBuilder(64 + node.size() * (quoted ? 24 : 16));
    if (quoted) {
      out.append('"');
    }
    writeJson(node, out, quoted);
    if (quoted) {
      out.append('"');
    }
    return out.toString();
  }

  private static void writeJson(JsonNode node, StringBuilder out, boolean quoted) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (!first) {
            out.append(',');
          }
          first = false;
          writeString(field.getKey(), out, quoted);
          out.append(':');
          writeJson(field.getValue(), out, quoted);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          writeJson(node.get(i), out, quoted);
        }
        out.append(']');
      }
      case STRING -> writeString(node.textValue(), out, quoted);
      case BOOLEAN -> out.append(node.booleanValue());
      case NULL -> out.append("null");
      default -> {
        if (node instanceof IntNode || node instanceof LongNode) {
          out.append(node.longValue());
        } else {
          writeJacksons(node, out, quoted);
        }
      }
    }
  }

  /** A JSON string; when quoted, with its quotes and escapes escaped again. */
  private static void writeString(String text, StringBuilder out, boolean quoted) {
    String quote = quoted ? "\\\"" : "\"";
    out.append(quote);
    appendEscaped(text, out, quoted);
    out.append(quote);
  }

  /**
   * The inside of a JSON string holding {@code text}, escaped exactly as Jackson escapes it ({@code
   * "}, {@code \} and control characters; nothing else); with {@code twice}, each char of that
   * escaped again, as tracker-cookie's outer quoting needs. One pass into one builder.
   */
  private static void appendEscaped(String text, StringBuilder out, boolean twice) {
    // Escaped twice, a JSON quote is \" and an escape's backslash is \\.
    String quote = twice ? "\\\"" : "\"";
    String backslash = twice ? "\\\\" : "\\";
    int length = text.length();
    int plain = 0; // start of the run of chars written as they are
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        continue;
      }
      out.append(text, plain, i).append(backslash);
      switch (c) {
        case '"' -> out.append(quote);
        case '\\' -> out.append(backslash);
        case '\b' -> out.append('b');
        case '\t' -> out.append('t');
        case '\n' -> out.append('n');
        case '\f' -> out.append('f');
        case '\r' -> out.append('r');
        default -> out.append("u00").append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
      }
      plain = i + 1;
    }
    out.append(text, plain, length);
  }

  /** A node written by Jackson, then escaped once more when quoted. */
  private static void writeJacksons(JsonNode node, StringBuilder out, boolean quoted) {
    String json;
    try {
      json = WIRE.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always serializes", e);
    }
    if (quoted) {
      appendEscaped(json, out, false);
    } else {
      out.append(json);
    }
  }

  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

  private static boolean needsEscape(char c) {
    return c < 0x20 || c == '"' || c == '\\';
  }

  /**
   * The length of the UTF-8 a seal holds for this text, counted without encoding it. A lone
   * surrogate counts 3 bytes: the codec writes U+FFFD for it, as Node does.
   */
  static int utf8Length(String s) {
    int length = s.length();
    int bytes = length;
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        bytes += 1;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 2; // four bytes for the pair's two chars
        i++;
      } else {
        bytes += 2;
      }
    }
    return bytes;
  }

  /**
   * Refuses what would be rejected on read (a {@code __proto__} key, nesting past the bound, a
   * number outside the range of a double).
   *
   * @throws IllegalArgumentException naming the problem, never a value
   */
  public static void checkWritable(JsonNode node) {
    if (depth(node, 0) > MAX_DEPTH) {
      throw new IllegalArgumentException("The tracker nests deeper than " + MAX_DEPTH + " levels");
    }
    RejectionReason problem = problem(node);
    if (problem == RejectionReason.FORBIDDEN_KEY) {
      throw new IllegalArgumentException("The tracker cannot hold a __proto__ key");
    }
    if (problem != null) {
      throw new IllegalArgumentException(
          "The tracker cannot hold NaN, Infinity or a number past the range of a double:"
              + " JSON has no such value, and JavaScript would read another");
    }
  }

  /**
   * Whether parsing the text this tree writes gives back an equal tree, node types included. The
   * parser makes objects, arrays, strings, ints (a long or a big integer only where the smaller
   * type cannot hold it), finite doubles, booleans and null, within the depth bound and without a
   * {@code __proto__} key. Any other tree (a small long, a float, a decimal, binary, a POJO) reads
   * back as something else. (A lone surrogate survives the JSON but not the seal's UTF-8: that is
   * the codec's to tell, by the text it sealed.)
   */
  static boolean readsBackAsItself(JsonNode node) {
    return readsBackAsItself(node, 0);
  }

  private static boolean readsBackAsItself(JsonNode node, int level) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        if (level + 1 > MAX_DEPTH) {
          return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (PayloadLayout.isForbiddenName(field.getKey())
              || !readsBackAsItself(field.getValue(), level + 1)) {
            return false;
          }
        }
        return true;
      }
      case ARRAY -> {
        if (level + 1 > MAX_DEPTH) {
          return false;
        }
        for (JsonNode element : node) {
          if (!readsBackAsItself(element, level + 1)) {
            return false;
          }
        }
        return true;
      }
      case STRING, BOOLEAN, NULL -> {
        return true;
      }
      case NUMBER -> {
        if (node instanceof IntNode) {
          return true;
        }
        if (node instanceof LongNode) {
          return !node.canConvertToInt();
        }
        if (node instanceof BigIntegerNode) {
          return !node.canConvertToLong();
        }
        return node instanceof DoubleNode && Double.isFinite(node.doubleValue());
      }
      default -> {
        return false;
      }
    }
  }

  /** Up to three top-level keys, largest entry first. */
  public static List<String> largestKeys(ObjectNode node) {
    List<Map.Entry<String, Integer>> sizes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      try {
        int size =
            utf8Length(WIRE.writeValueAsString(field.getKey()))
                + utf8Length(WIRE.writeValueAsString(field.getValue()))
                + 1;
        sizes.add(Map.entry(field.getKey(), size));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("A JSON tree always serializes", e);
      }
    }
    sizes.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    List<String> keys = new ArrayList<>(3);
    for (int i = 0; i < sizes.size() && i < 3; i++) {
      keys.add(sizes.get(i).getKey());
    }
    return keys;
  }

  private static int depth(JsonNode node, int level) {
    if (level > MAX_DEPTH || !node.isContainerNode()) {
      return level;
    }
    int max = level + 1;
    for (JsonNode child : node) {
      max = Math.max(max, depth(child, level + 1));
      if (max > MAX_DEPTH) {
        break;
      }
    }
    return max;
  }

  /**
   * Why a tree is no tracker content, in one walk: a {@code __proto__} key ({@code FORBIDDEN_KEY}),
   * or a number outside the range of a double ({@code INVALID_JSON}: the parser reads {@code 1e999}
   * as Infinity, which would be written back as another value); null if neither.
   */
  private static RejectionReason problem(JsonNode node) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (PayloadLayout.isForbiddenName(field.getKey())) {
          return RejectionReason.FORBIDDEN_KEY;
        }
        RejectionReason problem = problem(field.getValue());
        if (problem != null) {
          return problem;
        }
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        RejectionReason problem = problem(child);
        if (problem != null) {
          return problem;
        }
      }
    } else if (node.isNumber()
        && !(node instanceof IntNode || node instanceof LongNode)
        && !Double.isFinite(node.doubleValue())) {
      return RejectionReason.INVALID_JSON;
    }
    return null;
  }
}
