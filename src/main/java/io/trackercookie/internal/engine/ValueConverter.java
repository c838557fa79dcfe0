package io.trackercookie.internal.engine;

import static com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trackercookie.UnknownTrackerKeyException;
import io.trackercookie.internal.seal.TrackerJson;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * Jackson between the tracker's JSON and the application's values: a value written as a tree
 * ({@code put}, {@code replaceWith}), a tree read as a type (typed {@code get}, {@code as}, a typed
 * parameter) or as plain values. For each type, the application's ObjectMapper when it provides
 * one, used as the application configured it except that typed reads ignore unknown properties
 * unless reads are strict; else {@link #DEFAULT_MAPPER}. Thread-safe.
 */
public final class ValueConverter {

  /**
   * The mapper for types the application provides none for: {@code java.time} values as ISO-8601
   * text (an Instant as Node's {@code JSON.stringify} writes a Date, see {@link
   * NodeStyleInstantSerializer}), and unknown properties ignored, since a tracker holds keys from
   * many parts of an application and a typed read wants only its own.
   */
  static final ObjectMapper DEFAULT_MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .registerModule(
              new SimpleModule("tracker-instants")
                  .addSerializer(Instant.class, new NodeStyleInstantSerializer()))
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The default mapper for every type, forgiving reads: for an application that provides none. */
  public static final ValueConverter DEFAULT = new ValueConverter(type -> null, false);

  private final Function<Type, ObjectMapper> applicationMappers;
  private final boolean strictReads;

  /**
   * A converter with the application's mapper for each type, where {@code applicationMappers} gives
   * one (null: the default mapper); {@code strictReads}: typed reads refuse unknown properties.
   */
  public ValueConverter(Function<Type, ObjectMapper> applicationMappers, boolean strictReads) {
    this.applicationMappers = Objects.requireNonNull(applicationMappers, "applicationMappers");
    this.strictReads = strictReads;
  }

  private ObjectMapper mapperFor(Type type) {
    ObjectMapper mapper = applicationMappers.apply(type);
    return mapper != null ? mapper : DEFAULT_MAPPER;
  }

  /**
   * The tree a value is written as; a tree is copied.
   *
   * @throws IllegalArgumentException if the mapper cannot write it, naming the type only
   */
  JsonNode toTree(Object value, Type type) {
    if (value instanceof JsonNode tree) {
      return tree.deepCopy();
    }
    ObjectMapper mapper = mapperFor(type);
    if (mapper == DEFAULT_MAPPER) {
      // The node the default mapper would make, without its serialize-and-read round trip; an
      // application's own mapper may make another (FastPathsMatchJacksonTest holds them equal).
      JsonNode scalar = scalarNode(value);
      if (scalar != null) {
        return scalar;
      }
    }
    try {
      return mapper.valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A " + type.getTypeName() + " cannot be written as JSON");
    }
  }

  /**
   * The tree read as {@code type}; a node type is handed out as a copy, since the tree may be
   * shared with other requests and a change must go through the tracker.
   *
   * @throws IllegalArgumentException if it cannot be read as that type, naming where in the JSON it
   *     failed and the type, never the value; {@link UnknownTrackerKeyException} if reads are
   *     strict and it holds a property the type does not have
   */
  // T is the type the caller promises for this Type; unchecked by nature.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
  public <T> T read(JsonNode node, Type type) {
    ObjectMapper mapper = mapperFor(type);
    if (mapper == DEFAULT_MAPPER) {
      // The common reads (a String, an Integer, a Long, a Boolean) without Jackson's type lookup
      // and token stream (FastPathsMatchJacksonTest holds them to what Jackson reads).
      Object scalar = scalarValue(node, type);
      if (scalar != null) {
        return (T) scalar;
      }
    }
    try {
      JavaType javaType = mapper.constructType(type);
      Object value =
          mapper == DEFAULT_MAPPER && !strictReads
              ? mapper.treeToValue(node, javaType)
              : strictReads
                  ? mapper.readerFor(javaType).with(FAIL_ON_UNKNOWN_PROPERTIES).readValue(node)
                  : mapper.readerFor(javaType).without(FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
      // Jackson hands back the node itself when asked for a node type.
      return (T) (value instanceof JsonNode tree ? tree.deepCopy() : value);
    } catch (IOException | IllegalArgumentException e) {
      // Jackson's message may quote the value, so it is neither repeated nor kept as the cause:
      // where in the JSON it failed, and the type, are enough to act on.
      if (strictReads && e instanceof UnrecognizedPropertyException) {
        throw new UnknownTrackerKeyException(jsonPath(e), type.getTypeName());
      }
      throw new IllegalArgumentException(
          "The tracked value at "
              + jsonPath(e)
              + " cannot be read as "
              + type.getTypeName()
              + " ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The tree as plain values: maps, lists, strings, numbers, booleans and null. */
  static Object plain(JsonNode node) {
    try {
      return TrackerJson.WIRE.treeToValue(node, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always maps to plain values", e);
    }
  }

  /** Where a conversion failed, as a JSON path from the value read: {@code $.visits[1].count}. */
  private static String jsonPath(Exception e) {
    StringBuilder path = new StringBuilder("$");
    Throwable cause = e;
    while (cause != null && !(cause instanceof JsonMappingException)) {
      cause = cause.getCause();
    }
    if (cause instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          path.append('.').append(reference.getFieldName());
        } else if (reference.getIndex() >= 0) {
          path.append('[').append(reference.getIndex()).append(']');
        }
      }
    }
    return path.toString();
  }

  /**
   * What the default mapper reads from a text, int, long or boolean node as String, Integer, Long
   * or Boolean; null for any other pair, which is left to the mapper.
   */
  static Object scalarValue(JsonNode node, Type type) {
    if (type == String.class && node.isTextual()) {
      return node.textValue();
    }
    if (type == Integer.class && node.isInt()) {
      return node.intValue();
    }
    if (type == Long.class && (node.isInt() || node.isLong())) {
      return node.longValue();
    }
    if (type == Boolean.class && node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }

  /**
   * The default mapper's node for a String, Integer, Long, Boolean or null; null for any other
   * value.
   */
  static JsonNode scalarNode(Object value) {
    if (value instanceof String text) {
      return TextNode.valueOf(text);
    }
    if (value instanceof Integer number) {
      return IntNode.valueOf(number);
    }
    if (value instanceof Long number) {
      return LongNode.valueOf(number);
    }
    if (value instanceof Boolean bool) {
      return BooleanNode.valueOf(bool);
    }
    return value == null ? NullNode.getInstance() : null;
  }
}
