package io.trackercookie.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.Tracker;
import jakarta.ws.rs.core.GenericType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One request's tracker. Holds only the raw cookie candidates until something reads or writes it;
 * then opens them once. Every method is synchronized, so the threads of one request may share it;
 * values handed out are copies.
 */
final class RequestTracker implements Tracker {

  /** What the response must do with the cookie. */
  enum Outcome { NONE, WRITE, DELETE }

  /**
   * Equal when both trees write the same JSON: Jackson's node equality tells an int 1 from a long
   * 1, which serialize alike, so numbers are compared by their text.
   */
  private static final Comparator<JsonNode> SAME_JSON = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    return a.isNumber() && b.isNumber() && a.asText().equals(b.asText()) ? 0 : 1;
  };

  private final TrackerRuntime runtime;
  private final TrackerRuntime.Found found;
  private final Function<Type, ObjectMapper> mappers;

  // Null until opened. Until the first change it is the opened tree, which the seal cache may share
  // with other requests: read only. The first change swaps in a private copy.
  private ObjectNode content;
  private boolean hadCookie; // a valid cookie was opened
  private ObjectNode opened; // the opened tree, kept once the content is changed (reads never need it)
  private String plaintext; // the seal's text for the current content, from the last size check
  private boolean contentShared; // handed to a seal, which the seal cache may keep: copy before a change
  private boolean modified;
  private boolean reseal; // the valid cookie must be sealed again even if unchanged

  RequestTracker(TrackerRuntime runtime, TrackerRuntime.Found found,
      Function<Type, ObjectMapper> mappers) {
    this.runtime = runtime;
    this.found = found;
    this.mappers = mappers;
  }

  private ObjectNode content() {
    if (content == null) {
      TrackerRuntime.Opened result = runtime.open(found, true);
      content = result.content() != null ? result.content() : TrackerJson.WIRE.createObjectNode();
      hadCookie = result.content() != null;
      reseal = result.reseal();
    }
    return content;
  }

  /**
   * The content, about to change in place: on the first change the opened tree is kept as it is
   * (the response tells a real change from a put of the same value by it) and the tracker goes on
   * with a private copy. Only requests that change pay for the copy, and it is shallow: changes
   * replace or remove top-level entries only, and nested values are handed out as copies, so the
   * shared nested nodes are never written to.
   */
  private ObjectNode contentForChange() {
    keepOpened();
    if (content == opened || contentShared) {
      content = TrackerJson.WIRE.createObjectNode().setAll(content);
      contentShared = false;
    }
    return content;
  }

  /** Before any change: keeps the opened tree, and drops the size check's text, which stops describing the content. */
  private void keepOpened() {
    content();
    if (hadCookie && opened == null) {
      opened = content;
    }
    plaintext = null;
  }

  @Override
  public synchronized Object get(String key) {
    JsonNode node = content().get(Objects.requireNonNull(key, "key"));
    return node == null ? null : plain(node);
  }

  @Override
  public synchronized <T> T get(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = content().get(Objects.requireNonNull(key, "key"));
    return node == null ? null : convert(node, type);
  }

  @Override
  public synchronized <T> T get(String key, GenericType<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = content().get(Objects.requireNonNull(key, "key"));
    return node == null ? null : convert(node, type.getType());
  }

  @Override
  public synchronized boolean containsKey(String key) {
    return content().has(Objects.requireNonNull(key, "key"));
  }

  @Override
  public synchronized void put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (TrackerJson.FORBIDDEN_KEY.equals(key)) {
      throw new IllegalArgumentException("The tracker cannot hold a __proto__ key");
    }
    JsonNode node = toTree(value, value == null ? Object.class : value.getClass());
    TrackerJson.checkWritable(node);
    ObjectNode current = contentForChange();
    JsonNode previous = current.get(key);
    current.set(key, node);
    try {
      plaintext = runtime.checkSize(current);
    } catch (RuntimeException e) {
      // Undo, so the tracker the application keeps using is the one that fits.
      if (previous == null) {
        current.remove(key);
      } else {
        current.set(key, previous);
      }
      throw e;
    }
    modified = true;
  }

  @Override
  public synchronized Object remove(String key) {
    JsonNode previous = contentForChange().remove(Objects.requireNonNull(key, "key"));
    if (previous == null) {
      return null;
    }
    modified = true;
    return plain(previous);
  }

  @Override
  public synchronized void clear() {
    keepOpened();
    content = TrackerJson.WIRE.createObjectNode();
    contentShared = false;
    modified = true;
  }

  @Override
  public synchronized boolean isEmpty() {
    return content().isEmpty();
  }

  @Override
  public synchronized Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    content().fields().forEachRemaining(field -> map.put(field.getKey(), plain(field.getValue())));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public synchronized void replaceWith(Object newContent) {
    if (newContent == null) {
      clear();
      return;
    }
    JsonNode node = toTree(newContent, newContent.getClass());
    if (!(node instanceof ObjectNode)) {
      throw new IllegalArgumentException(
          "The tracker holds a JSON object; " + newContent.getClass().getName() + " is written as " + node.getNodeType());
    }
    TrackerJson.checkWritable(node);
    String checked = runtime.checkSize((ObjectNode) node);
    keepOpened();
    content = (ObjectNode) node;
    contentShared = false;
    plaintext = checked;
    modified = true;
  }

  @Override
  public synchronized <T> T as(Class<T> type) {
    return convert(content(), Objects.requireNonNull(type, "type"));
  }

  @Override
  public synchronized <T> T as(GenericType<T> type) {
    return convert(content(), Objects.requireNonNull(type, "type").getType());
  }

  /** Decided once the resource is done; {@link #plaintextToSeal()} then gives what to seal. */
  synchronized Outcome outcome() {
    if (!modified) {
      // Never written: opened now only if the seal's own header says it is due for resealing.
      if (content == null && !runtime.mayNeedReseal(found)) {
        return Outcome.NONE;
      }
      content();
      return reseal && !content.isEmpty() ? Outcome.WRITE : Outcome.NONE;
    }
    if (content.isEmpty()) {
      return hadCookie || found.any() ? Outcome.DELETE : Outcome.NONE;
    }
    boolean unchanged = hadCookie && content.equals(SAME_JSON, opened);
    return unchanged && !reseal ? Outcome.NONE : Outcome.WRITE;
  }

  TrackerRuntime.Found found() {
    return found;
  }

  /**
   * The text to seal for a WRITE outcome: the last size check's, when nothing changed since, so a
   * changed request serializes its content once.
   */
  synchronized String plaintextToSeal() {
    if (plaintext == null) {
      plaintext = runtime.plaintext(content());
    }
    return plaintext;
  }

  /**
   * The content a WRITE outcome seals, handed over: the seal cache may keep it for the request that
   * brings the seal back, so it is shared from now on, and a later change (from a thread that kept
   * this tracker past its response) goes to a copy.
   */
  synchronized ObjectNode contentToSeal() {
    contentShared = true;
    return content();
  }

  /** For tests and diagnostics: whether the cookie has been opened. */
  synchronized boolean opened() {
    return content != null;
  }

  @Override
  public synchronized String toString() {
    // Keys only: the values are the user's data.
    return "Tracker" + (content == null ? "[not opened]" : content.properties().stream()
        .map(Map.Entry::getKey).toList());
  }

  private static Object plain(JsonNode node) {
    try {
      return TrackerJson.WIRE.treeToValue(node, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always maps to plain values", e);
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T convert(JsonNode node, Type type) {
    ObjectMapper mapper = mappers.apply(type);
    if (mapper == Mappers.DEFAULT) {
      // The common reads (a String, an Integer, a Long, a Boolean) without Jackson's type lookup
      // and token stream, which were most of a read in the HTTP profile.
      Object scalar = scalarValue(node, type);
      if (scalar != null) {
        return (T) scalar;
      }
    }
    try {
      Object value = mapper.treeToValue(node, mapper.constructType(type));
      // Jackson hands back the node itself when asked for a node type: copy it, since the tree
      // may be shared with other requests and a change must go through put.
      return (T) (value instanceof JsonNode ? ((JsonNode) value).deepCopy() : value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's message may quote the value; the type is enough to act on.
      throw new IllegalArgumentException("The tracked value cannot be read as " + type.getTypeName());
    }
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

  /** The default mapper's node for a String, Integer, Long, Boolean or null; null for any other value. */
  static JsonNode scalarNode(Object value) {
    if (value instanceof String) {
      return TextNode.valueOf((String) value);
    }
    if (value instanceof Integer) {
      return IntNode.valueOf((Integer) value);
    }
    if (value instanceof Long) {
      return LongNode.valueOf((Long) value);
    }
    if (value instanceof Boolean) {
      return BooleanNode.valueOf((Boolean) value);
    }
    return value == null ? NullNode.getInstance() : null;
  }

  private JsonNode toTree(Object value, Type type) {
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    ObjectMapper mapper = mappers.apply(type);
    if (mapper == Mappers.DEFAULT) {
      // The node Jackson's default mapper would make, without its serialize-and-read round trip
      // (a quarter of a put in the write profile); an application's own mapper may differ.
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
}
