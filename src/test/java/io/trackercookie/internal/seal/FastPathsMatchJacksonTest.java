package io.trackercookie.internal.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.PayloadFormat;
import io.trackercookie.payload.PayloadLayout;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The wire JSON's hand-written shortcuts give exactly what the Jackson calls they replace give: the
 * quoting of tracker-cookie's double-encoded JSON, the one-pass writing of a whole tree in either
 * payload format, and the test that a tree reads back as itself. (The shortcuts for simple values
 * put and read are in {@code engine.ValueConverterFastPathsMatchJacksonTest}.)
 */
class FastPathsMatchJacksonTest {

  @Property(tries = 2000)
  void anyString_isWrittenExactlyAsJacksonWritesIt_plainAndQuoted(
      @ForAll @StringLength(max = 300) String text) throws JsonProcessingException {
    assertWrittenAsJacksonWritesIt(holding(text));
  }

  @Property(tries = 2000)
  void stringsFullOfEscapes_areWrittenExactlyAsJacksonWritesThem_plainAndQuoted(
      @ForAll("escapeHeavy") String text) throws JsonProcessingException {
    assertWrittenAsJacksonWritesIt(holding(text));
  }

  /** An object with the text as a key and as a value. */
  private static ObjectNode holding(String text) {
    ObjectNode tree = TrackerJson.WIRE.createObjectNode();
    tree.put("k", text);
    tree.put(text, "v");
    return tree;
  }

  private static void assertWrittenAsJacksonWritesIt(ObjectNode tree)
      throws JsonProcessingException {
    String json = TrackerJson.WIRE.writeValueAsString(tree);
    assertEquals(json, SealFormat.PLAIN_JSON.plaintext(tree));
    assertEquals(
        TrackerJson.WIRE.writeValueAsString(json), SealFormat.TRACKER_COOKIE.plaintext(tree));
    // The one-pass quoting gives the layout's own text for that JSON.
    assertEquals(
        PayloadLayout.TRACKER_COOKIE.plaintext(json), SealFormat.TRACKER_COOKIE.plaintext(tree));
  }

  @Provide
  Arbitrary<String> escapeHeavy() {
    // Every control character, quotes, backslashes, a surrogate half and plain text, mixed.
    return Arbitraries.strings()
        .withCharRange('\u0000', '\u0021')
        .withChars('"', '\\', 'a', 'é', '\u2028', '\ud800')
        .ofMaxLength(200);
  }

  // Random trees only: edge cases combined over nested trees run into the thousands and would
  // fill every try with near-empty trees (the escapes have their own tests above and below).
  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void anyTree_isWrittenExactlyAsJacksonWritesIt_plainAndQuoted(@ForAll("trees") ObjectNode tree)
      throws JsonProcessingException {
    assertWrittenAsJacksonWritesIt(tree);
  }

  // What lets a seal's own tree stand in for parsing its text (the seal cache keeps it for the
  // browser's next request): it must be exactly the tree parsing gives, node types included.
  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void aTreeReadsBackAsItself_exactlyWhenParsingItsTextGivesAnEqualTree(
      @ForAll("trees") ObjectNode tree, @ForAll PayloadFormat format) {
    assertEquals(
        parsesToItself(tree, format), TrackerJson.readsBackAsItself(tree), () -> "tree " + tree);
  }

  private static boolean parsesToItself(ObjectNode tree, PayloadFormat format) {
    try {
      return tree.equals(SealFormat.read(SealFormat.of(format).plaintext(tree)));
    } catch (TrackerJson.Rejected e) {
      return false;
    }
  }

  private static void assertReadsBackAsItself(boolean expected, ObjectNode tree, String what) {
    assertEquals(expected, TrackerJson.readsBackAsItself(tree), what);
    for (PayloadFormat format : PayloadFormat.values()) {
      assertEquals(expected, parsesToItself(tree, format), what + ", parsed from " + format);
    }
  }

  @Test
  void treesThatReadBackAsSomethingElse_areToldApart() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode same =
        nodes
            .objectNode()
            .put("s", "é 😀")
            .put("i", 7)
            .put("l", 1L << 40)
            .put("d", 0.1)
            .put("t", true)
            .putNull("n");
    same.set("big", nodes.numberNode(new BigInteger("123456789012345678901234567890")));
    same.putArray("a").add(1).addObject().put("x", "y");
    assertReadsBackAsItself(true, same, "the types parsing makes");
    for (JsonNode other :
        List.of(
            nodes.numberNode(7L),
            nodes.numberNode(1.5f),
            nodes.numberNode(new BigDecimal("1.10")),
            nodes.numberNode((short) 7),
            nodes.numberNode(BigInteger.TEN),
            nodes.numberNode(Double.NaN),
            nodes.numberNode(Double.POSITIVE_INFINITY),
            nodes.binaryNode(new byte[] {1}),
            nodes.pojoNode(List.of(1)))) {
      ObjectNode tree = same.deepCopy();
      tree.withArray("a").add(other);
      assertReadsBackAsItself(false, tree, "nested " + other);
    }
    assertReadsBackAsItself(
        false, nodes.objectNode().put(TrackerJson.FORBIDDEN_KEY, 1), "a __proto__ key");
    ObjectNode deep = nodes.objectNode();
    ObjectNode innermost = deep;
    for (int level = 1; level < TrackerJson.MAX_DEPTH; level++) {
      innermost = innermost.putObject("n");
    }
    assertReadsBackAsItself(true, deep, "at the depth bound");
    innermost.putArray("past");
    assertReadsBackAsItself(false, deep, "past the depth bound");
  }

  @Test
  void everyEscape_inKeysAndValuesAtEveryDepth_isWrittenAsJacksonWritesIt()
      throws JsonProcessingException {
    StringBuilder all = new StringBuilder("say \"hi\" \\ é \u2028 ");
    for (char c = 0; c < 0x20; c++) {
      all.append(c);
    }
    String text = all.toString();
    ObjectNode tree = TrackerJson.WIRE.createObjectNode().put(text, text);
    tree.putArray("list").add(text).addObject().put(text, 1L << 40);
    String json = TrackerJson.WIRE.writeValueAsString(tree);
    assertWrittenAsJacksonWritesIt(tree);
  }

  @Test
  void nodesLeftToJackson_areQuotedLikeTheRest() throws JsonProcessingException {
    ObjectNode tree = TrackerJson.WIRE.createObjectNode();
    tree.put("d", 1.0E-7)
        .put("f", 2.5f)
        .put("big", new BigDecimal("1e400"))
        .put("s", (short) 7)
        .put("n", Double.NaN)
        .put("bin", new byte[] {1, 2, 3})
        .put("i", new BigInteger("123456789012345678901234567890"));
    tree.putPOJO("pojo", java.util.Map.of("k\"", "v\\"));
    String json = TrackerJson.WIRE.writeValueAsString(tree);
    assertWrittenAsJacksonWritesIt(tree);
  }

  @Provide
  Arbitrary<ObjectNode> trees() {
    return objects(
        Arbitraries.recursive(
            this::leaves, node -> Arbitraries.oneOf(arrays(node), objects(node)), 0, 3));
  }

  private Arbitrary<JsonNode> leaves() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        escapeHeavy().map(nodes::textNode),
        Arbitraries.strings().ofMaxLength(20).map(nodes::textNode),
        Arbitraries.integers().map(nodes::numberNode),
        Arbitraries.longs().map(nodes::numberNode),
        Arbitraries.doubles().map(nodes::numberNode),
        Arbitraries.bigDecimals().map(nodes::numberNode),
        Arbitraries.of(true, false).map(nodes::booleanNode),
        Arbitraries.just(nodes.nullNode()));
  }

  private static Arbitrary<JsonNode> arrays(Arbitrary<JsonNode> elements) {
    return elements
        .list()
        .ofMaxSize(4)
        .map(list -> JsonNodeFactory.instance.arrayNode().addAll(list));
  }

  private Arbitrary<ObjectNode> objects(Arbitrary<JsonNode> values) {
    Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(8), escapeHeavy());
    return Arbitraries.maps(keys, values)
        .ofMaxSize(5)
        .map(
            map -> {
              ObjectNode node = JsonNodeFactory.instance.objectNode();
              map.forEach(node::set);
              return node;
            });
  }

  @Test
  void trackerCookieFormat_quotesAsJavaScriptQuotesIt() {
    // JSON.stringify(JSON.stringify({a: 'say "hi"\\'})) in Node.
    assertEquals(
        "\"{\\\"a\\\":\\\"say \\\\\\\"hi\\\\\\\"\\\\\\\\\\\"}\"",
        SealFormat.TRACKER_COOKIE.plaintext(holdingA("say \"hi\"\\")));
  }

  private static ObjectNode holdingA(String text) {
    ObjectNode tree = TrackerJson.WIRE.createObjectNode();
    tree.put("a", text);
    return tree;
  }
}
