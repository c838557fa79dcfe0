package io.trackercookie.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The converter's shortcuts for simple values give exactly what the default mapper gives: the nodes
 * of simple values put, and the simple values read.
 */
class ValueConverterFastPathsMatchJacksonTest {

  private static final ObjectMapper MAPPER = ValueConverter.DEFAULT_MAPPER;

  @Property(tries = 500)
  void simpleValues_becomeTheNodesJacksonMakes(@ForAll("simpleValues") Object value) {
    assertEquals(MAPPER.valueToTree(value), ValueConverter.scalarNode(value));
  }

  @Provide
  Arbitrary<Object> simpleValues() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(50),
        Arbitraries.integers(),
        Arbitraries.longs(),
        Arbitraries.of(true, false),
        Arbitraries.just(null));
  }

  @Property(tries = 1000)
  void simpleNodes_readAsTheValuesJacksonReads(
      @ForAll("simpleValues") Object value, @ForAll("readTypes") Class<?> type)
      throws JsonProcessingException {
    JsonNode node = MAPPER.valueToTree(value);
    Object fast = ValueConverter.scalarValue(node, type);
    if (fast != null) {
      assertEquals(MAPPER.treeToValue(node, type), fast);
    }
  }

  @Provide
  Arbitrary<Class<?>> readTypes() {
    return Arbitraries.of(
        String.class, Integer.class, Long.class, Boolean.class, Object.class, Double.class);
  }

  @Test
  void simpleReads_takeTheShortcut_andOtherReadsAreLeftToJackson() {
    assertEquals("a", ValueConverter.scalarValue(MAPPER.valueToTree("a"), String.class));
    assertEquals(7, ValueConverter.scalarValue(MAPPER.valueToTree(7), Integer.class));
    assertEquals(7L, ValueConverter.scalarValue(MAPPER.valueToTree(7), Long.class));
    assertEquals(true, ValueConverter.scalarValue(MAPPER.valueToTree(true), Boolean.class));
    // Conversions (a long into an Integer, a number into a String) stay Jackson's to decide.
    assertNull(ValueConverter.scalarValue(MAPPER.valueToTree(1L << 40), Integer.class));
    assertNull(ValueConverter.scalarValue(MAPPER.valueToTree(7), String.class));
    assertNull(ValueConverter.scalarValue(MAPPER.valueToTree("7"), Integer.class));
    assertNull(ValueConverter.scalarValue(MAPPER.valueToTree(7), Object.class));
  }

  @Test
  void otherValues_areLeftToJackson() {
    assertNull(ValueConverter.scalarNode(1.5));
    assertNull(ValueConverter.scalarNode(java.util.List.of(1)));
  }
}
