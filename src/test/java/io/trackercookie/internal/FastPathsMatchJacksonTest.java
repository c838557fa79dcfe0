package io.trackercookie.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The request path's hand-written shortcuts give exactly what the Jackson calls they replace give:
 * the quoting of tracker-cookie's double-encoded JSON, and the nodes of simple values put.
 */
class FastPathsMatchJacksonTest {

  @Property(tries = 2000)
  void anyString_isQuotedExactlyAsJacksonQuotesIt(@ForAll @StringLength(max = 300) String text)
      throws JsonProcessingException {
    assertEquals(TrackerJson.WIRE.writeValueAsString(text), TrackerJson.quote(text));
  }

  @Property(tries = 2000)
  void stringsFullOfEscapes_areQuotedExactlyAsJacksonQuotesThem(@ForAll("escapeHeavy") String text)
      throws JsonProcessingException {
    assertEquals(TrackerJson.WIRE.writeValueAsString(text), TrackerJson.quote(text));
  }

  @Provide
  Arbitrary<String> escapeHeavy() {
    // Every control character, quotes, backslashes, a surrogate half and plain text, mixed.
    return Arbitraries.strings().withCharRange('\u0000', '\u0021').withChars('"', '\\', 'a', 'é', '\u2028', '\ud800')
        .ofMaxLength(200);
  }

  @Property(tries = 500)
  void simpleValues_becomeTheNodesJacksonMakes(@ForAll("simpleValues") Object value) {
    assertEquals(Mappers.DEFAULT.valueToTree(value), RequestTracker.scalarNode(value));
  }

  @Provide
  Arbitrary<Object> simpleValues() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(50), Arbitraries.integers(),
        Arbitraries.longs(), Arbitraries.of(true, false), Arbitraries.just(null));
  }

  @Test
  void otherValues_areLeftToJackson() {
    assertNull(RequestTracker.scalarNode(1.5));
    assertNull(RequestTracker.scalarNode(java.util.List.of(1)));
  }

  @Test
  void trackerJson_quotesAsJavaScriptQuotesIt() {
    // JSON.stringify(JSON.stringify({a: 'say "hi"\\'})) in Node.
    assertEquals("\"{\\\"a\\\":\\\"say \\\\\\\"hi\\\\\\\"\\\\\\\\\\\"}\"",
        TrackerJson.quote("{\"a\":\"say \\\"hi\\\"\\\\\"}"));
  }
}
