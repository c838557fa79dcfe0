package io.trackercookie.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

  private ObjectNode content; // null until opened
  private boolean hadCookie; // a valid cookie was opened
  private ObjectNode openedCopy; // its content, copied before the first change (reads never need it)
  private String plaintext; // the seal's text for the current content, from the last size check
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
      TrackerRuntime.Opened opened = runtime.open(found, true);
      content = opened.content() != null ? opened.content() : TrackerJson.WIRE.createObjectNode();
      hadCookie = opened.content() != null;
      reseal = opened.reseal();
    }
    return content;
  }

  /**
   * The content, about to change: the opened cookie's content is copied first, so the response can
   * tell a real change from a put of the same value. Only requests that change pay for it. The
   * size check's text, if any, stops describing the content.
   */
  private ObjectNode contentForChange() {
    ObjectNode current = content();
    if (hadCookie && openedCopy == null) {
      openedCopy = current.deepCopy();
    }
    plaintext = null;
    return current;
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
    contentForChange().removeAll();
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
    contentForChange();
    content = (ObjectNode) node;
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
    boolean unchanged = hadCookie && content.equals(SAME_JSON, openedCopy);
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

  synchronized ObjectNode contentCopy() {
    return content.deepCopy();
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
    try {
      return (T) mapper.treeToValue(node, mapper.constructType(type));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's message may quote the value; the type is enough to act on.
      throw new IllegalArgumentException("The tracked value cannot be read as " + type.getTypeName());
    }
  }

  private JsonNode toTree(Object value, Type type) {
    if (value instanceof JsonNode) {
      return ((JsonNode) value).deepCopy();
    }
    try {
      return mappers.apply(type).valueToTree(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("A " + type.getTypeName() + " cannot be written as JSON");
    }
  }
}
