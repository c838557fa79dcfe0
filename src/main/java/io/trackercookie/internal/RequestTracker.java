package io.trackercookie.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.Tracker;
import io.trackercookie.settings.SettingNames;
import jakarta.ws.rs.core.GenericType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One request's tracker. Holds only the raw cookie candidates until something reads or writes it;
 * then opens them once. Its state is one of {@link Unopened}, {@link Opened} and {@link Changed},
 * and the response asks it for its cookies with {@link #responseCookies}. Every method is
 * synchronized, so the threads of one request may share it; values handed out are copies.
 */
final class RequestTracker implements Tracker {

  /**
   * Equal when both trees write the same JSON: Jackson's node equality tells an int 1 from a long
   * 1, which serialize alike, so numbers are compared by their text.
   */
  private static final Comparator<JsonNode> SAME_JSON =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        return a.isNumber() && b.isNumber() && a.asText().equals(b.asText()) ? 0 : 1;
      };

  /** Where the tracker stands. */
  private sealed interface State permits Unopened, Opened, Changed {}

  /** Nothing read or written yet: the cookies are not opened. */
  private record Unopened() implements State {}

  /**
   * Opened and not changed. {@code content} may be shared with other requests (the seal cache keeps
   * it), so it is read only: the first change works on a copy. {@code fromCookie}: a valid cookie
   * held it; {@code reseal}: whether that cookie must be sealed again even if unchanged, and how
   * long the new seal may live.
   */
  private record Opened(ObjectNode content, boolean fromCookie, ResealPolicy.Reseal reseal)
      implements State {}

  /**
   * Changed by the application. {@code content} is this request's own; {@code original} is what the
   * cookie held (null when no valid cookie did), to tell a real change from a put of the same
   * value; {@code plaintext} is the last size check's text while it still describes the content;
   * {@code reseal}: what the opened cookie asked for, which applies if the content ends unchanged.
   */
  private record Changed(
      ObjectNode original, ObjectNode content, String plaintext, ResealPolicy.Reseal reseal)
      implements State {}

  private static final State UNOPENED = new Unopened();

  private final TrackerEngine engine;
  private final CookieJar.Found found;
  private final Function<Type, ObjectMapper> mappers;
  private State state = UNOPENED;
  // Diagnostics only: the reasons of the cookies refused when this tracker was opened.
  private List<RejectionReason> rejected = List.of();
  // Revocation: what opening found (the seal revoke() records, whether the store was unavailable)
  // and whether revoke() was called.
  private TrackerEngine.Opened openedFrom;
  private boolean revoked;

  RequestTracker(
      TrackerEngine engine, CookieJar.Found found, Function<Type, ObjectMapper> mappers) {
    this.engine = engine;
    this.found = found;
    this.mappers = mappers;
  }

  /** The current content, opening the cookies on first use. Read only. */
  private ObjectNode content() {
    State current = state;
    if (current instanceof Unopened) {
      current = open();
    }
    return current instanceof Opened opened ? opened.content() : ((Changed) current).content();
  }

  private Opened open() {
    List<RejectionReason> reasons = engine.diagnostics() ? new ArrayList<>(1) : null;
    TrackerEngine.Opened result = engine.open(found, true, reasons);
    openedFrom = result;
    if (reasons != null) {
      rejected = reasons;
    }
    Opened opened =
        result.content() == null
            ? new Opened(TrackerJson.WIRE.createObjectNode(), false, ResealPolicy.Reseal.NONE)
            : new Opened(result.content(), true, result.reseal());
    state = opened;
    return opened;
  }

  /**
   * The content, about to change in place. The first change copies the opened tree, which stays as
   * it is for comparison. The copy is shallow: changes replace or remove top-level entries only,
   * and nested values are handed out as copies, so shared nested nodes are never written.
   */
  private Changed changing() {
    content();
    State current = state;
    Changed changed =
        current instanceof Opened opened
            ? new Changed(
                opened.fromCookie() ? opened.content() : null,
                TrackerJson.WIRE.createObjectNode().setAll(opened.content()),
                null,
                opened.reseal())
            : (Changed) current;
    return new Changed(changed.original(), changed.content(), null, changed.reseal());
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
    Changed changed = changing();
    // replace, not set: set returns the object itself (for chaining), which the undo below would
    // then put under the key, making the tree contain itself.
    JsonNode previous = changed.content().replace(key, node);
    String plaintext;
    try {
      plaintext = engine.checkedPlaintext(changed.content());
    } catch (RuntimeException e) {
      // Undo, so the tracker the application keeps using is the one that fits.
      if (previous == null) {
        changed.content().remove(key);
      } else {
        changed.content().set(key, previous);
      }
      throw e;
    }
    state = new Changed(changed.original(), changed.content(), plaintext, changed.reseal());
  }

  @Override
  public synchronized Object remove(String key) {
    if (!content().has(Objects.requireNonNull(key, "key"))) {
      return null;
    }
    Changed changed = changing();
    state = changed;
    return plain(changed.content().remove(key));
  }

  @Override
  public synchronized void clear() {
    Changed changed = changing();
    state =
        new Changed(
            changed.original(), TrackerJson.WIRE.createObjectNode(), null, changed.reseal());
  }

  @Override
  public synchronized boolean revoke() {
    if (!engine.revocationOn()) {
      throw new IllegalStateException(
          "Tracker.revoke needs revocation on: set "
              + SettingNames.REVOCATION_STORE
              + " (TrackerConfig.Builder.revocation)");
    }
    content();
    Revoker.Target target = openedFrom == null ? null : openedFrom.revocable();
    clear();
    revoked = true;
    return target == null || engine.revoke(target);
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
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "The tracker holds a JSON object; "
              + newContent.getClass().getName()
              + " is written as "
              + node.getNodeType());
    }
    TrackerJson.checkWritable(object);
    String plaintext = engine.checkedPlaintext(object);
    Changed changed = changing();
    state = new Changed(changed.original(), object, plaintext, changed.reseal());
  }

  @Override
  public synchronized <T> T as(Class<T> type) {
    return convert(content(), Objects.requireNonNull(type, "type"));
  }

  @Override
  public synchronized <T> T as(GenericType<T> type) {
    return convert(content(), Objects.requireNonNull(type, "type").getType());
  }

  /**
   * The Set-Cookie lines this request's response carries, decided once the resource is done: none
   * for an untouched or unchanged tracker; the seal of a changed one (or of an unchanged one due
   * for resealing), with the deletions of the cookies it replaces; the deletions of every tracker
   * cookie for an emptied one. A sealed content is shared from then on, so a later change (from a
   * thread that kept this tracker past its response) goes to a copy.
   *
   * @param secure whether the lines carry the Secure attribute
   * @throws io.trackercookie.TrackerTooLargeException if the seal does not fit (a guard: every
   *     change was checked)
   */
  synchronized List<String> responseCookies(boolean secure) {
    State current = state;
    if (current instanceof Unopened) {
      // Never used: opened now only if the seal's own header says it is due for resealing.
      if (!engine.mayNeedReseal(found)) {
        return List.of();
      }
      current = open();
    }
    if (openedFrom != null && openedFrom.unchecked() && !revoked) {
      // The store could not check the cookie (fail-closed): it read as empty, and is left in
      // place so the visitor has it back once the store answers. Writes of this request are
      // dropped rather than replace it.
      return List.of();
    }
    if (current instanceof Opened opened) {
      if (!opened.reseal().due() || opened.content().isEmpty() || !engine.mayReseal(openedFrom)) {
        return List.of();
      }
      return engine.resealLines(
          engine.plaintext(opened.content()),
          opened.content(),
          opened.reseal().notAfter(),
          found,
          secure);
    }
    Changed changed = (Changed) current;
    if (changed.content().isEmpty()) {
      return changed.original() != null || found.any()
          ? engine.deleteLines(found, secure)
          : List.of();
    }
    boolean unchanged =
        changed.original() != null && changed.content().equals(SAME_JSON, changed.original());
    if (unchanged && (!changed.reseal().due() || !engine.mayReseal(openedFrom))) {
      return List.of();
    }
    String plaintext =
        changed.plaintext() != null ? changed.plaintext() : engine.plaintext(changed.content());
    // A write the application made gets a fresh lifetime; an unchanged one keeps the reseal's,
    // and is left as it is when the new seal would not fit.
    List<String> lines =
        unchanged
            ? engine.resealLines(
                plaintext, changed.content(), changed.reseal().notAfter(), found, secure)
            : engine.sealLines(plaintext, changed.content(), null, found, secure);
    state = new Opened(changed.content(), true, ResealPolicy.Reseal.NONE);
    return lines;
  }

  /**
   * Diagnostics: the reasons this request's tracker cookies were refused, in header order; empty
   * when none was. A tracker nobody opened is opened now for the answer, without telling the
   * listeners (the application never read it) and without changing this tracker.
   */
  synchronized List<RejectionReason> rejections() {
    if (state instanceof Unopened) {
      List<RejectionReason> reasons = new ArrayList<>(1);
      engine.open(found, false, reasons);
      return reasons;
    }
    return rejected;
  }

  /** For tests and diagnostics: whether the cookie has been opened. */
  synchronized boolean opened() {
    return !(state instanceof Unopened);
  }

  @Override
  public synchronized String toString() {
    // Keys only: the values are the user's data.
    return "Tracker"
        + (state instanceof Unopened
            ? "[not opened]"
            : content().properties().stream().map(Map.Entry::getKey).toList());
  }

  private static Object plain(JsonNode node) {
    try {
      return TrackerJson.WIRE.treeToValue(node, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree always maps to plain values", e);
    }
  }

  // T is the type the public get/as methods promise for this Type; unchecked by nature.
  @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"})
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
      return (T) (value instanceof JsonNode tree ? tree.deepCopy() : value);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's message may quote the value, so it is neither repeated nor kept as the cause:
      // where in the JSON it failed, and the type, are enough to act on.
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

  private JsonNode toTree(Object value, Type type) {
    if (value instanceof JsonNode tree) {
      return tree.deepCopy();
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
