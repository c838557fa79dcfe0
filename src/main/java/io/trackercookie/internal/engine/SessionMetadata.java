package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trackercookie.Tracker;
import io.trackercookie.internal.seal.TrackerJson;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The library's own data about the session a tracker carries, kept inside the sealed JSON object
 * under the one reserved key {@value #KEY}, as an object of named fields:
 *
 * <pre>
 * {"$tracker":{"csrf":"&lt;nonce&gt;","signedInAt":1767323045000,"persistent":true},"subject":"alice"}
 * </pre>
 *
 * <p>The application never sees it: {@code Tracker}'s reads ({@code get}, typed reads, {@code
 * containsKey}, {@code asMap}, {@code as}, {@code isEmpty}) and the typed {@code @CookieParam}
 * leave the key out, and {@code put} and {@code replaceWith} refuse it. It rides along with every
 * write, reseal and reissue (a write changes the application's keys only) and goes with {@code
 * clear()} and {@code revoke()}. A reader of the same cookie in Node (tracker-cookie, @hapi/iron,
 * iron-session) sees it as a plain key.
 *
 * <p>The home of every field the library keeps per session: the CSRF token's nonce ({@value
 * #CSRF_NONCE}), and a sign-in's time ({@value #SIGNED_IN_AT}, milliseconds since the epoch, as
 * JavaScript's {@code Date.now()}) and cookie ({@value #PERSISTENT}, present only for a persistent
 * cookie), and the values flashed for the next request that reads them ({@value #FLASH}, an object
 * of the application's keys); a new field is one accessor and one {@code with...} here. Fields this
 * version does not know (written by a later one) are kept as they are. A {@value #KEY} that is not
 * an object (a foreign writer's) reads as no metadata, stays hidden, and is replaced by the first
 * metadata written.
 *
 * <p>Immutable: it holds its own copy of the object.
 */
final class SessionMetadata {

  /** The reserved key of the tracker's JSON object. */
  static final String KEY = Tracker.RESERVED_KEY;

  /** The field holding the CSRF token's per-session nonce (base64url text). */
  static final String CSRF_NONCE = "csrf";

  /**
   * The field holding the sign-in time: milliseconds since the epoch (a JSON number), as exact as
   * the log-out epochs revocation compares it with.
   */
  static final String SIGNED_IN_AT = "signedInAt";

  /** The field holding the flashed values, an object of the application's keys. */
  static final String FLASH = "flash";

  /** The field saying the sign-in chose a persistent cookie: {@code true}, or absent. */
  static final String PERSISTENT = "persistent";

  static final SessionMetadata NONE = new SessionMetadata(TrackerJson.WIRE.createObjectNode());

  private final ObjectNode fields;

  private SessionMetadata(ObjectNode fields) {
    this.fields = fields;
  }

  /** The metadata in a tracker's content; {@link #NONE} when it holds none. */
  static SessionMetadata in(ObjectNode content) {
    JsonNode node = content.get(KEY);
    return node instanceof ObjectNode object && !object.isEmpty()
        ? new SessionMetadata(object.deepCopy())
        : NONE;
  }

  /** Whether the key is the reserved one, which no application read or write reaches. */
  /** Refuses the reserved key to the application's writes ({@code put}, {@code replaceWith}). */
  static void refuseReserved(String key) {
    if (isReserved(key)) {
      throw new IllegalArgumentException("The tracker keeps its own data under the key " + KEY);
    }
  }

  static boolean isReserved(String key) {
    return KEY.equals(key);
  }

  /**
   * The content as the application sees it: without the reserved key. The content itself when it
   * has none, else a shallow copy (the content may be shared, and is never written here).
   */
  static ObjectNode visible(ObjectNode content) {
    if (!content.has(KEY)) {
      return content;
    }
    ObjectNode copy = TrackerJson.WIRE.createObjectNode().setAll(content);
    copy.remove(KEY);
    return copy;
  }

  boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The CSRF token's nonce, if this session has one. */
  Optional<String> csrfNonce() {
    JsonNode nonce = fields.get(CSRF_NONCE);
    return nonce != null && nonce.isTextual() ? Optional.of(nonce.textValue()) : Optional.empty();
  }

  /** This metadata with another CSRF nonce; the other fields as they are. */
  SessionMetadata withCsrfNonce(String nonce) {
    ObjectNode copy = fields.deepCopy();
    copy.put(CSRF_NONCE, Objects.requireNonNull(nonce, "nonce"));
    return new SessionMetadata(copy);
  }

  /**
   * When the session was signed in, if it was: a whole number of milliseconds, as this library
   * writes it. Anything else under the field (a foreign writer's) reads as no sign-in.
   */
  Optional<Instant> signedInAt() {
    JsonNode at = fields.get(SIGNED_IN_AT);
    return at != null && at.isIntegralNumber() && at.canConvertToLong()
        ? Optional.of(Instant.ofEpochMilli(at.longValue()))
        : Optional.empty();
  }

  /** Whether the sign-in chose a persistent cookie. */
  boolean persistent() {
    JsonNode persistent = fields.get(PERSISTENT);
    return persistent != null && persistent.isBoolean() && persistent.booleanValue();
  }

  /**
   * This metadata with a sign-in at {@code at} (to the millisecond) and its cookie; the other
   * fields as they are.
   */
  SessionMetadata withSignIn(Instant at, boolean persistent) {
    ObjectNode copy = fields.deepCopy();
    copy.put(SIGNED_IN_AT, at.toEpochMilli());
    if (persistent) {
      copy.put(PERSISTENT, true);
    } else {
      copy.remove(PERSISTENT);
    }
    return new SessionMetadata(copy);
  }

  /** The value flashed under key, as stored (read only); null if none. */
  JsonNode flash(String key) {
    JsonNode flash = fields.get(FLASH);
    return flash instanceof ObjectNode object ? object.get(key) : null;
  }

  /** This metadata with {@code value} flashed under key; the other fields as they are. */
  SessionMetadata withFlash(String key, JsonNode value) {
    ObjectNode copy = fields.deepCopy();
    JsonNode flash = copy.get(FLASH);
    ObjectNode flashes = flash instanceof ObjectNode object ? object : copy.putObject(FLASH);
    flashes.set(key, value);
    return new SessionMetadata(copy);
  }

  /** This metadata without the value flashed under key (and without the field once it is empty). */
  SessionMetadata withoutFlash(String key) {
    ObjectNode copy = fields.deepCopy();
    if (copy.get(FLASH) instanceof ObjectNode flashes) {
      flashes.remove(key);
      if (flashes.isEmpty()) {
        copy.remove(FLASH);
      }
    }
    return new SessionMetadata(copy);
  }

  /** The object to store under {@link #KEY}: a copy, the caller's to keep. */
  ObjectNode toNode() {
    return fields.deepCopy();
  }

  @Override
  public String toString() {
    // Field names only: a nonce is a secret of the session.
    return "SessionMetadata" + fields.properties().stream().map(e -> e.getKey()).toList();
  }
}
