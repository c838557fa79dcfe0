package io.trackercookie.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.trackercookie.RejectionReason;
import io.trackercookie.SignInCookie;
import io.trackercookie.SignInOptions;
import io.trackercookie.Tracker;
import io.trackercookie.internal.cookie.CookieJar;
import io.trackercookie.internal.seal.TrackerJson;
import io.trackercookie.settings.SettingNames;
import jakarta.ws.rs.core.GenericType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request's tracker. Holds only the raw cookie candidates until something reads or writes it;
 * then opens them once. Its state is one of {@link Unopened}, {@link Unchanged} and {@link
 * Changed}, and the response asks it for its cookies with {@link #responseCookies}. Values go to
 * and from JSON through a {@link ValueConverter}. Every method is synchronized, so the threads of
 * one request may share it; values handed out are copies.
 *
 * <p>The content is the whole JSON object of the seal, {@link SessionMetadata} included: the
 * application's reads and writes leave its reserved key out, so it rides along with every write and
 * reseal, and {@link #clear} drops it with the rest.
 */
public final class RequestTracker implements Tracker {

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
  private sealed interface State permits Unopened, Unchanged, Changed {}

  /** Nothing read or written yet: the cookies are not opened. */
  private record Unopened() implements State {}

  /**
   * Opened and not changed. {@code content} may be shared with other requests (the seal cache keeps
   * it), so it is read only: the first change works on a copy. {@code fromCookie}: a valid cookie
   * held it; {@code reseal}: whether that cookie must be sealed again even if unchanged, and how
   * long the new seal may live.
   */
  private record Unchanged(ObjectNode content, boolean fromCookie, ResealPolicy.Reseal reseal)
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
  private final ValueConverter values;
  private final CsrfAndFlashValues extras;
  private State state = UNOPENED;
  // Diagnostics only: the reasons of the cookies refused when this tracker was opened.
  private List<RejectionReason> rejected = List.of();
  // Revocation: what opening found (the seal revoke() records, whether the store was unavailable)
  // and whether revoke() was called.
  private TrackerEngine.OpenedCookies openedFrom;
  private boolean revoked;
  // Log-out-everywhere: the date of the seals this request writes (null: not dated), read when the
  // tracker opens, before the store is asked; and the newest epoch of this node it was checked
  // against, so the store is asked again only after another log-out.
  private Instant datedAt;
  private long epochSeen = Long.MIN_VALUE;
  // Whether this request signed in: its new session replaces a cookie the store could not check.
  private boolean signedInHere;

  RequestTracker(TrackerEngine engine, CookieJar.Found found, ValueConverter values) {
    this.engine = engine;
    this.found = found;
    this.values = values;
    this.extras = new CsrfAndFlashValues(this, engine, values);
  }

  /** Whether the request's Cookie header names a {@code $Version}; found without opening. */
  public boolean cookieHeaderNamesVersion() {
    return found.versionAttribute();
  }

  /**
   * The current content, opening the cookies on first use, and emptied once its subject has been
   * logged out everywhere since this request began. Read only.
   */
  ObjectNode content() {
    State current = state;
    if (current instanceof Unopened) {
      current = open();
    } else if (datedAt != null && engine.newestEpoch() != epochSeen) {
      epochSeen = engine.newestEpoch();
      if (engine.loggedOutSince(contentOf(current), datedAt)) {
        current = loggedOut();
        state = current;
      }
    }
    return contentOf(current);
  }

  private static ObjectNode contentOf(State opened) {
    return opened instanceof Unchanged unchanged
        ? unchanged.content()
        : ((Changed) opened).content();
  }

  /**
   * A tracker whose subject was logged out everywhere since this request began: as if its cookie
   * had been refused as revoked when it opened, it reads as empty, and its cookie (revoked with the
   * rest) is left alone unless the application writes a new tracker.
   */
  private static Unchanged loggedOut() {
    return new Unchanged(TrackerJson.WIRE.createObjectNode(), false, ResealPolicy.Reseal.NONE);
  }

  private Unchanged open() {
    // Before the store is asked: a log-out recorded after this reading is either seen by the check
    // or dates at or after every seal this request writes (Revoker).
    datedAt = engine.dateNow();
    List<RejectionReason> reasons = engine.diagnostics() ? new ArrayList<>(1) : null;
    TrackerEngine.OpenedCookies result = engine.open(found, true, reasons);
    openedFrom = result;
    if (reasons != null) {
      rejected = reasons;
    }
    Unchanged opened =
        result.content() == null
            ? new Unchanged(TrackerJson.WIRE.createObjectNode(), false, ResealPolicy.Reseal.NONE)
            : new Unchanged(result.content(), true, result.reseal());
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
    if (current instanceof Unchanged unchanged) {
      return new Changed(
          unchanged.fromCookie() ? unchanged.content() : null,
          TrackerJson.WIRE.createObjectNode().setAll(unchanged.content()),
          null,
          unchanged.reseal());
    }
    Changed changed = (Changed) current;
    // The text no longer describes the content about to change; a state without one is reused.
    return changed.plaintext() == null
        ? changed
        : new Changed(changed.original(), changed.content(), null, changed.reseal());
  }

  /** The application's value under key (JSON null is a node): null when absent or reserved. */
  private JsonNode visibleValue(String key) {
    Objects.requireNonNull(key, "key");
    return SessionMetadata.isReserved(key) ? null : content().get(key);
  }

  @Override
  public synchronized Object get(String key) {
    JsonNode node = visibleValue(key);
    return node == null ? null : ValueConverter.plain(node);
  }

  @Override
  public synchronized <T> T get(String key, Class<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = visibleValue(key);
    return node == null ? null : values.read(node, type);
  }

  @Override
  public synchronized <T> T get(String key, GenericType<T> type) {
    Objects.requireNonNull(type, "type");
    JsonNode node = visibleValue(key);
    return node == null ? null : values.read(node, type.getType());
  }

  @Override
  public synchronized boolean containsKey(String key) {
    return visibleValue(key) != null;
  }

  @Override
  public synchronized void put(String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (TrackerJson.FORBIDDEN_KEY.equals(key)) {
      throw new IllegalArgumentException("The tracker cannot hold a __proto__ key");
    }
    SessionMetadata.refuseReserved(key);
    JsonNode node = values.toTree(value, value == null ? Object.class : value.getClass());
    TrackerJson.checkWritable(node);
    set(key, node);
  }

  /** Sets one top-level entry, checked to fit; on a refusal the content is as it was. */
  private void set(String key, JsonNode node) {
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
    if (visibleValue(key) == null) {
      return null;
    }
    Changed changed = changing();
    state = changed;
    return ValueConverter.plain(changed.content().remove(key));
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

  /** Whether this tracker belongs to the application whose revocations are {@code revoker}. */
  boolean revokedBy(Revoker revoker) {
    return engine.revokesWith(revoker);
  }

  /**
   * Log out everywhere else: every other seal of this tracker's subject is revoked, and this one
   * goes on, sealed afresh in this response with a date after the log-out.
   *
   * @throws IllegalStateException if the tracker holds no subject
   */
  synchronized void keepThroughLogOut(Revoker revoker) {
    Instant keptFrom = revoker.revokeAllButOne(content());
    datedAt = keptFrom;
    Changed changed = changing();
    // No original: the content is written even though the cookie held the same.
    state = new Changed(null, changed.content(), null, ResealPolicy.Reseal.NONE);
  }

  @Override
  public synchronized boolean isEmpty() {
    return SessionMetadata.visible(content()).isEmpty();
  }

  @Override
  public synchronized Map<String, Object> asMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    SessionMetadata.visible(content())
        .fields()
        .forEachRemaining(field -> map.put(field.getKey(), ValueConverter.plain(field.getValue())));
    return Collections.unmodifiableMap(map);
  }

  @Override
  public synchronized void replaceWith(Object newContent) {
    if (newContent == null) {
      clear();
      return;
    }
    JsonNode node = values.toTree(newContent, newContent.getClass());
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalArgumentException(
          "The tracker holds a JSON object; "
              + newContent.getClass().getName()
              + " is written as "
              + node.getNodeType());
    }
    if (object.has(SessionMetadata.KEY)) {
      SessionMetadata.refuseReserved(SessionMetadata.KEY);
    }
    TrackerJson.checkWritable(object);
    // The session's metadata is not the application's to replace.
    JsonNode metadata = content().get(SessionMetadata.KEY);
    if (metadata != null) {
      object.set(SessionMetadata.KEY, metadata.deepCopy());
    }
    String plaintext = engine.checkedPlaintext(object);
    Changed changed = changing();
    state = new Changed(changed.original(), object, plaintext, changed.reseal());
  }

  @Override
  public synchronized <T> T as(Class<T> type) {
    return values.read(SessionMetadata.visible(content()), Objects.requireNonNull(type, "type"));
  }

  @Override
  public synchronized <T> T as(GenericType<T> type) {
    return values.read(
        SessionMetadata.visible(content()), Objects.requireNonNull(type, "type").getType());
  }

  @Override
  public synchronized String csrfToken() {
    return extras.csrfToken();
  }

  @Override
  public synchronized String renewCsrfToken() {
    return extras.renewCsrfToken();
  }

  /** {@link CsrfAndFlashValues#csrfTokenMatches}. */
  public synchronized boolean csrfTokenMatches(String token) {
    return extras.csrfTokenMatches(token);
  }

  /** This session's metadata; {@link SessionMetadata#NONE} when it has none. */
  synchronized SessionMetadata metadata() {
    return SessionMetadata.in(content());
  }

  /**
   * Stores the session's metadata: a change like {@link #put}, checked to fit the same way (a
   * {@link io.trackercookie.TrackerTooLargeException} leaves the content as it was).
   */
  synchronized void writeMetadata(SessionMetadata metadata) {
    if (!metadata.isEmpty()) {
      set(SessionMetadata.KEY, metadata.toNode());
    } else if (content().has(SessionMetadata.KEY)) {
      state = changing();
      ((Changed) state).content().remove(SessionMetadata.KEY);
    }
  }

  @Override
  public synchronized void flash(String key, Object value) {
    extras.flash(key, value);
  }

  @Override
  public synchronized Object flashed(String key) {
    return extras.flashed(key);
  }

  @Override
  public synchronized <T> T flashed(String key, Class<T> type) {
    return extras.flashed(key, type);
  }

  // Signed-in sessions: the subject under its key, the sign-in in the session's metadata.

  @Override
  public synchronized boolean signIn(String subject, SignInCookie cookie) {
    SignInOptions options = engine.sessions().signInOptions();
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(cookie, "cookie");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("The subject must not be blank");
    }
    if (!StandardCharsets.UTF_8.newEncoder().canEncode(subject)) {
      throw new IllegalArgumentException(
          "The subject is not well-formed Unicode (a lone surrogate); no tracker can hold it");
    }
    content();
    SessionMetadata metadata =
        metadata()
            .withSignIn(engine.sessions().now(), cookie == SignInCookie.PERSISTENT)
            .withCsrfNonce(CsrfTokens.newNonce());
    writeSession(options.subjectKey(), TextNode.valueOf(subject), metadata);
    signedInHere = true;
    return revokeOpenedSeal();
  }

  @Override
  public synchronized boolean renew() {
    engine.sessions().signInOptions();
    if (!signedIn()) {
      throw new IllegalStateException("Tracker.renew needs a signed-in tracker: signIn first");
    }
    writeSession(null, null, metadata().withCsrfNonce(CsrfTokens.newNonce()));
    return revokeOpenedSeal();
  }

  @Override
  public synchronized boolean signOut() {
    engine.sessions().signInOptions();
    if (engine.revocationOn()) {
      return revoke();
    }
    clear();
    return true;
  }

  @Override
  public synchronized boolean signedIn() {
    return engine.sessions().signedIn(content());
  }

  @Override
  public synchronized Optional<String> subject() {
    return signedIn() ? Optional.of(engine.sessions().subjectOf(content())) : Optional.empty();
  }

  @Override
  public synchronized Optional<Instant> signedInAt() {
    return signedIn() ? metadata().signedInAt() : Optional.empty();
  }

  @Override
  public synchronized boolean signedInWithin(Duration within) {
    Objects.requireNonNull(within, "within");
    Optional<Instant> at = signedInAt();
    return at.isPresent() && !engine.sessions().now().isAfter(at.get().plus(within));
  }

  /**
   * Writes a session as one change, checked to fit (on a refusal the content is as it was): the
   * subject under its key (none: kept) and the metadata. The response then always carries a fresh
   * seal, even of a content equal to the cookie's.
   */
  private void writeSession(String subjectKey, JsonNode subject, SessionMetadata metadata) {
    Changed changed = changing();
    ObjectNode content = changed.content();
    JsonNode previousSubject = subjectKey == null ? null : content.replace(subjectKey, subject);
    JsonNode previousMetadata = content.replace(SessionMetadata.KEY, metadata.toNode());
    String plaintext;
    try {
      plaintext = engine.checkedPlaintext(content);
    } catch (RuntimeException e) {
      restore(content, SessionMetadata.KEY, previousMetadata);
      if (subjectKey != null) {
        restore(content, subjectKey, previousSubject);
      }
      throw e;
    }
    // No original: never "the same as the cookie", so never left unsealed.
    state = new Changed(null, content, plaintext, changed.reseal());
  }

  private static void restore(ObjectNode content, String key, JsonNode previous) {
    if (previous == null) {
      content.remove(key);
    } else {
      content.set(key, previous);
    }
  }

  /**
   * With revocation on, revokes the seal the request came with, so no copy of it opens once the
   * session changed; false if the store could not record it.
   */
  private boolean revokeOpenedSeal() {
    Revoker.Target target = openedFrom == null ? null : openedFrom.revocable();
    return target == null || engine.revoke(target);
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
  public synchronized List<String> responseCookies(boolean secure) {
    State current = state;
    if (current instanceof Unopened) {
      // Never used: opened now only if the seal's own header says it is due for resealing.
      if (!engine.mayNeedReseal(found)) {
        return List.of();
      }
      current = open();
    }
    if (openedFrom != null && openedFrom.unchecked() && !revoked && !signedInHere) {
      // The store could not check the cookie (fail-closed): it read as empty, and is left in
      // place so the visitor has it back once the store answers. Writes of this request are
      // dropped rather than replace it.
      return List.of();
    }
    if (datedAt != null && engine.loggedOutSince(contentOf(current), datedAt)) {
      // Its subject was logged out everywhere since this request began (by this request or another
      // on this node): no seal of it that this request writes would open, so none is written.
      current = loggedOut();
      state = current;
    }
    if (current instanceof Unchanged unchanged) {
      if (!unchanged.reseal().due()
          || unchanged.content().isEmpty()
          || !engine.mayReseal(openedFrom)) {
        return List.of();
      }
      return engine.resealLines(
          engine.plaintext(unchanged.content()),
          unchanged.content(),
          unchanged.reseal().notAfter(),
          datedAt,
          found,
          secure);
    }
    Changed changed = (Changed) current;
    if (changed.content().isEmpty()) {
      return changed.original() != null || found.any()
          ? engine.deleteLines(found, secure)
          : List.of();
    }
    boolean sameAsCookie =
        changed.original() != null && changed.content().equals(SAME_JSON, changed.original());
    if (sameAsCookie && (!changed.reseal().due() || !engine.mayReseal(openedFrom))) {
      return List.of();
    }
    String plaintext =
        changed.plaintext() != null ? changed.plaintext() : engine.plaintext(changed.content());
    // A write the application made gets a fresh lifetime; an unchanged one keeps the reseal's,
    // and is left as it is when the new seal would not fit.
    List<String> lines =
        sameAsCookie
            ? engine.resealLines(
                plaintext, changed.content(), changed.reseal().notAfter(), datedAt, found, secure)
            : engine.sealLines(plaintext, changed.content(), null, datedAt, found, secure);
    state = new Unchanged(changed.content(), true, ResealPolicy.Reseal.NONE);
    return lines;
  }

  /**
   * Diagnostics: the reasons this request's tracker cookies were refused, in header order; empty
   * when none was. A tracker nobody opened is opened now for the answer, without telling the
   * listeners (the application never read it) and without changing this tracker.
   */
  public synchronized List<RejectionReason> rejections() {
    if (state instanceof Unopened) {
      List<RejectionReason> reasons = new ArrayList<>(1);
      engine.open(found, false, reasons);
      return reasons;
    }
    return rejected;
  }

  @Override
  public synchronized String toString() {
    // Keys only: the values are the user's data.
    return "Tracker"
        + (state instanceof Unopened
            ? "[not opened]"
            : SessionMetadata.visible(content()).properties().stream()
                .map(Map.Entry::getKey)
                .toList());
  }
}
