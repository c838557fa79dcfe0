package io.trackercookie.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{ \"a\" : 1 , \"b\" : [ true , false , null ] }|{\"a\":1,\"b\":[true,false,null]}",
        "  [ ]  |[]",
        "{ }|{}",
        "\"top-level string\"|\"top-level string\"",
        "-0.5e+10|-0.5e+10",
        "0|0",
        "1E-2|1E-2",
        "[\"keeps \\u00e9 and \\/ escapes\"]|[\"keeps \\u00e9 and \\/ escapes\"]",
        "{\"spaces inside strings\" : \"stay  as  they  are\"}|{\"spaces inside strings\":\"stay  as  they  are\"}",
        "[1.0, 100]|[1.0,100]",
      })
  void minify_removesOnlyInsignificantWhitespace(String input, String expected) throws Exception {
    assertEquals(expected, StrictJson.minify(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "{",
        "[1,]",
        "{\"a\":1,}",
        "{a:1}",
        "{'a':1}",
        "[01]",
        "[1.]",
        "[.5]",
        "[+1]",
        "[1e]",
        "[-]",
        "[NaN]",
        "[Infinity]",
        "[tru]",
        "[True]",
        "[\"\\x\"]",
        "[\"\\u12G4\"]",
        "[\"\\u12\"]",
        "\"unterminated",
        "[1] [2]",
        "[1] x",
        "{\"a\" 1}",
        "[1 2]",
        "// comment\n[1]",
        "[1]\u00a0",
        "\u000b[1]",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1,\"\\u0061\":2}",
      })
  void minify_refusesWhatRfc8259Refuses(String input) {
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.minify(input));
  }

  @Test
  void minify_refusesRawControlCharacterInString() {
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.minify("[\"a\tb\"]"));
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.minify("[\"a\u0000b\"]"));
  }

  @Test
  void minify_acceptsNestingUpToTheLimitAndRefusesDeeper() throws Exception {
    String deepest = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
    assertEquals(deepest, StrictJson.minify(deepest));
    String tooDeep = "[".repeat(StrictJson.MAX_DEPTH + 1) + "]".repeat(StrictJson.MAX_DEPTH + 1);
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.minify(tooDeep));
    // Far deeper input still fails cleanly instead of overflowing the stack.
    String hostile = "[".repeat(60_000);
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.minify(hostile));
  }

  @Test
  void syntaxErrorMessage_namesThePositionButNotTheInput() {
    StrictJson.JsonSyntaxException e =
        assertThrows(
            StrictJson.JsonSyntaxException.class,
            () -> StrictJson.minify("{\n  \"secretValue\": tru\n}"));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertFalse(e.getMessage().contains("secretValue"), e.getMessage());
  }

  @Test
  void quoteThenUnquote_givesBackTheText() throws Exception {
    String text = "{\"a\":\"q\\\"x\",\"b\":\"\u2603\"}";
    String quoted = StrictJson.quote(text);
    assertEquals(MAPPER.writeValueAsString(text), quoted, "same as JSON.stringify(string)");
    assertEquals(text, StrictJson.unquote(quoted));
  }

  @Test
  void unquote_refusesAnythingButOneString() {
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.unquote("{\"a\":1}"));
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.unquote("\"a\" \"b\""));
    assertThrows(StrictJson.JsonSyntaxException.class, () -> StrictJson.unquote("\"\\ud800\""));
  }

  @Property(tries = 300)
  void minify_ofPrettyPrintedJson_isTheCompactForm(@ForAll("json") JsonNode tree) throws Exception {
    String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    String compact = MAPPER.writeValueAsString(tree);
    assertEquals(compact, StrictJson.minify(pretty));
    assertEquals(compact, StrictJson.minify(compact), "minify is idempotent");
  }

  @Property(tries = 300)
  void minify_keepsTheSameValue(@ForAll("json") JsonNode tree) throws Exception {
    String pretty = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    // Compared as read back, so Jackson's own int/long node choice does not matter.
    assertEquals(MAPPER.readTree(pretty), MAPPER.readTree(StrictJson.minify(pretty)));
  }

  @Property(tries = 300)
  void minify_neverThrowsAnythingButJsonSyntaxException(@ForAll String noise) {
    try {
      StrictJson.minify(noise);
    } catch (StrictJson.JsonSyntaxException expected) {
      // fine: refused as it should be
    }
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return node(4);
  }

  private static Arbitrary<JsonNode> node(int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    Arbitrary<JsonNode> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12).map(f::textNode),
            Arbitraries.longs().map(f::numberNode),
            Arbitraries.doubles().map(f::numberNode),
            Arbitraries.of(true, false).map(f::booleanNode),
            Arbitraries.just(f.nullNode()));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<JsonNode>> children =
        Arbitraries.lazy(() -> node(depth - 1)).list().ofMaxSize(4);
    Arbitrary<JsonNode> array =
        children.map(
            list -> {
              ArrayNode a = f.arrayNode();
              list.forEach(a::add);
              return a;
            });
    Arbitrary<JsonNode> object =
        Combinators.combine(
                Arbitraries.strings().ofMaxLength(6).list().ofMaxSize(4).uniqueElements(), children)
            .as(
                (names, values) -> {
                  ObjectNode o = f.objectNode();
                  for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
                    o.set(names.get(i), values.get(i));
                  }
                  return o;
                });
    return Arbitraries.oneOf(leaf, leaf, array, object);
  }
}
