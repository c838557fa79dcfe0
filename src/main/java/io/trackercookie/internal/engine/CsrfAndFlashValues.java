package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.trackercookie.internal.seal.TrackerJson;
import java.util.Objects;

/**
 * A request tracker's CSRF token and flash values, both kept in the session's metadata: called by
 * {@link RequestTracker} under its lock, so this holds no state of its own.
 */
final class CsrfAndFlashValues {

  private final RequestTracker tracker;
  private final TrackerEngine engine;
  private final ValueConverter values;

  CsrfAndFlashValues(RequestTracker tracker, TrackerEngine engine, ValueConverter values) {
    this.tracker = tracker;
    this.engine = engine;
    this.values = values;
  }

  String csrfToken() {
    SessionMetadata metadata = tracker.metadata();
    String nonce = metadata.csrfNonce().orElse(null);
    if (nonce == null) {
      nonce = CsrfTokens.newNonce();
      tracker.writeMetadata(metadata.withCsrfNonce(nonce));
    }
    return engine.csrfTokens().mint(nonce, csrfSubject());
  }

  String renewCsrfToken() {
    String nonce = CsrfTokens.newNonce();
    tracker.writeMetadata(tracker.metadata().withCsrfNonce(nonce));
    return engine.csrfTokens().mint(nonce, csrfSubject());
  }

  /**
   * Whether {@code token} is a CSRF token of this session, as {@link #csrfToken} hands them out:
   * false when the session has no nonce, for a token of another session, of this one before its
   * nonce was renewed, or of another subject, and for anything that is no token.
   */
  boolean csrfTokenMatches(String token) {
    String nonce = tracker.metadata().csrfNonce().orElse(null);
    return nonce != null && engine.csrfTokens().matches(token, nonce, csrfSubject());
  }

  /** The subject the token is bound to: the JSON text under the subject key; null for none. */
  private String csrfSubject() {
    String key = engine.subjectKey();
    JsonNode subject = key == null ? null : tracker.content().get(key);
    return subject == null || subject.isNull() ? null : subject.toString();
  }

  void flash(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (TrackerJson.FORBIDDEN_KEY.equals(key)) {
      throw new IllegalArgumentException("The tracker cannot hold a __proto__ key");
    }
    JsonNode node = values.toTree(value, value == null ? Object.class : value.getClass());
    TrackerJson.checkWritable(node);
    tracker.writeMetadata(tracker.metadata().withFlash(key, node));
  }

  Object flashed(String key) {
    JsonNode node = takeFlash(key);
    return node == null ? null : ValueConverter.plain(node);
  }

  <T> T flashed(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = takeFlash(key);
    return node == null ? null : values.read(node, type);
  }

  /** The value flashed under key, dropped from the tracker; null if none. */
  private JsonNode takeFlash(String key) {
    Objects.requireNonNull(key, "key");
    SessionMetadata metadata = tracker.metadata();
    JsonNode node = metadata.flash(key);
    if (node != null) {
      tracker.writeMetadata(metadata.withoutFlash(key));
    }
    return node;
  }
}
