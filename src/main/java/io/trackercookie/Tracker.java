package io.trackercookie;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.GenericType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One request's tracked data: a small JSON object kept sealed in a cookie. It is opened only when
 * something reads it; changes are sealed into the response's Set-Cookie, clearing it deletes the
 * cookie, and an untouched or unchanged tracker sends no Set-Cookie at all.
 *
 * <p>Get it with {@code @Context Tracker} (Jersey), from the request property {@link
 * TrackerConfig#requestAttribute()} (default {@code tracker}), or with {@link
 * #from(ContainerRequestContext)} in a filter.
 *
 * <p>Values are JSON: {@link #get(String)} returns plain Java values (Map, List, String, Number,
 * Boolean, null); typed reads and {@link #put} of other objects go through Jackson ({@link
 * JsonOptions}): records, and {@code java.time} values as ISO-8601 text, with no mapper of the
 * application's; the application's ObjectMapper when it gives one or provides a {@code
 * ContextResolver<ObjectMapper>}. Typed reads ignore unknown properties whatever the mapper (a
 * tracker holds keys from many parts of an application) unless reads are strict. A typed read that
 * fails throws IllegalArgumentException naming the JSON path and the type, never the value. {@link
 * TrackerValue} reads the whole tracker as a resource method's parameter (Jersey).
 *
 * <p>One key is the library's own: {@value #RESERVED_KEY} holds the session's metadata (today the
 * nonce behind the CSRF token). Every read here leaves it out ({@link #get}, the typed reads,
 * {@link #containsKey}, {@link #isEmpty}, {@link #asMap}, {@link #as} and a typed
 * {@code @CookieParam}), {@link #put} and {@link #replaceWith} refuse it and {@link #remove} does
 * not reach it; every write keeps it, and {@link #clear} and {@link #revoke} drop it with the rest.
 * A reader of the same cookie in Node sees it as a plain key.
 *
 * <p>Safe to use from several threads of the same request. A tracker whose cookie was missing or
 * invalid reads as empty.
 *
 * <p>Lifetimes: a response that carries a change (after {@link #put}, {@link #remove} or {@link
 * #replaceWith}) seals it with an expiration {@link TrackerConfig#sealTtl()} from then, as
 * iron-session does on save; {@link #clear} deletes the cookie. A tracker that is not changed is
 * sealed again only for a new password, another format's password id or a legacy upgrade, and then
 * keeps the expiration its seal had; a seal already past its expiration is never sealed again
 * unless changed. With sliding expiry, the reissue gives a fresh sliding lifetime.
 */
public interface Tracker {

  /** The request property that always holds the Tracker, whatever requestAttribute says. */
  String PROPERTY = "io.trackercookie.Tracker";

  /** The key of the tracker's JSON object that holds the library's own session metadata. */
  String RESERVED_KEY = "$tracker";

  /**
   * The request's tracker.
   *
   * @throws IllegalStateException if {@link TrackerFeature} is not registered
   */
  static Tracker from(ContainerRequestContext request) {
    return fromProperty(request.getProperty(PROPERTY));
  }

  /**
   * The Tracker held by the request property {@link #PROPERTY}, wherever a runtime keeps request
   * properties (for injection glue).
   *
   * @throws IllegalStateException if it holds none: {@link TrackerFeature} is not registered
   */
  static Tracker fromProperty(@Nullable Object property) {
    if (property instanceof Tracker tracker) {
      return tracker;
    }
    throw new IllegalStateException(
        "No Tracker on this request: register io.trackercookie.TrackerFeature with the application");
  }

  /** The value under key as a plain Java value, or null if absent. */
  @Nullable Object get(String key);

  /**
   * The value under key converted by Jackson, or null if absent.
   *
   * @throws IllegalArgumentException if the value cannot be converted to the type
   */
  <T> @Nullable T get(String key, Class<T> type);

  /** The value under key as a generic type, e.g. {@code new GenericType<List<Visit>>() {}}. */
  <T> @Nullable T get(String key, GenericType<T> type);

  /** Whether key is present, a key holding JSON null included. */
  boolean containsKey(String key);

  /**
   * Stores value (anything Jackson can write as JSON; null is stored as JSON null).
   *
   * @throws TrackerTooLargeException if the cookie would then pass 4096 bytes (or, chunked, all its
   *     chunks), or its cookies would add more than {@link CookieBudget#maxCookieHeaderBytes()} to
   *     the Cookie header; the tracker keeps its content from before the call
   * @throws IllegalArgumentException if the value is not JSON the tracker can hold: NaN, Infinity,
   *     a number past the range of a double, a {@code __proto__} key, nesting past 64; or if key is
   *     {@link #RESERVED_KEY}
   */
  void put(String key, @Nullable Object value);

  /**
   * Removes key; returns its previous plain value, or null ({@link #RESERVED_KEY}: always null).
   */
  @Nullable Object remove(String key);

  /** Empties the tracker: the response deletes the cookie. */
  void clear();

  /**
   * Logs this cookie out for good: empties the tracker as {@link #clear()} does, and records the
   * seal the request came with as revoked until that seal expires, so a copy of the cookie kept
   * anywhere reads as empty on every node that shares the revocation store. A copy used before this
   * call is not undone. To end every session of a signed-in user, this one included, use {@link
   * Revocations#revokeAllFor}; to end all but this one, {@link Revocations#revokeOthersFor}.
   *
   * @return false if the revocation store could not record it (the tracker is emptied and the
   *     cookie deleted all the same); true otherwise, also when the request carried no valid cookie
   * @throws IllegalStateException if revocation is off ({@link TrackerConfig.Builder#revocation})
   */
  boolean revoke();

  /**
   * Keeps {@code value} for the next request that reads it with {@link #flashed}, then drops it: a
   * message that survives one redirect ("Saved.", shown on the page the browser is sent to). Kept
   * in the session's metadata under {@link #RESERVED_KEY}, so no other read sees it; a change the
   * response seals like a {@link #put} (an empty tracker gets a cookie for it). Flashing a key
   * again replaces its value.
   *
   * @throws IllegalArgumentException as {@link #put} refuses a value or key
   * @throws TrackerTooLargeException if it does not fit; the tracker is as it was
   */
  void flash(String key, @Nullable Object value);

  /**
   * The value {@link #flash flashed} under key, as a plain Java value, dropped from the tracker by
   * this read (the response seals its removal); null if none is waiting.
   */
  @Nullable Object flashed(String key);

  /**
   * As {@link #flashed(String)}, converted to the type by Jackson.
   *
   * @throws IllegalArgumentException if it cannot be read as the type; it is dropped all the same
   */
  <T> @Nullable T flashed(String key, Class<T> type);

  /** Whether the tracker holds no key (also when its cookie was missing or refused). */
  boolean isEmpty();

  /** A read-only snapshot of the content as plain Java values, in insertion order. */
  Map<String, @Nullable Object> asMap();

  /**
   * Replaces the whole content with one object (a POJO, record or Map that Jackson writes as a JSON
   * object); null clears.
   *
   * @throws IllegalArgumentException if the object is not written as a JSON object, or holds what
   *     {@link #put} refuses ({@link #RESERVED_KEY} included); the session's metadata is kept
   * @throws TrackerTooLargeException as {@link #put}
   */
  void replaceWith(@Nullable Object content);

  /** The whole content converted by Jackson, e.g. into a record. */
  <T> T as(Class<T> type);

  /** The whole content converted by Jackson into a generic type. */
  <T> T as(GenericType<T> type);

  /**
   * A token that this session's pages put in their forms (a hidden {@code _csrf} field) or scripts
   * send in an {@code X-CSRF-Token} header with unsafe requests, for the {@link
   * CrossSiteProtection} to check when it {@linkplain CrossSiteProtection.Builder#requireToken
   * requires one}. The token is an HMAC, under a key derived from the current password, of a random
   * nonce kept in this tracker's seal and of the subject (the value under the revocation subject
   * key, if one is configured): a token of another session, of this one before {@link
   * #renewCsrfToken()}, or of another subject does not match.
   *
   * <p>The first call stores the nonce, a change the response seals like a {@link #put} (an empty
   * tracker gets a cookie for it). Each call gives a different string (a fresh random mask), and
   * each stays valid until the nonce is renewed or the tracker is cleared.
   *
   * @throws TrackerTooLargeException if the nonce does not fit the cookie
   */
  String csrfToken();

  /**
   * Gives this session a new nonce, so every token handed out before no longer matches, and returns
   * a token for it. For a change of privilege, such as signing in: a token an attacker planted
   * before it is worth nothing after.
   *
   * @throws TrackerTooLargeException if the nonce does not fit the cookie
   */
  String renewCsrfToken();

  // Signed-in sessions: need sign-in on (TrackerConfig.Builder.signIn, or the preset).

  /**
   * Signs {@code subject} in with a session cookie: {@link #signIn(String, SignInCookie)} with
   * {@link SignInCookie#SESSION}.
   *
   * @return as {@link #signIn(String, SignInCookie)}
   * @throws IllegalStateException if sign-in is off
   * @throws IllegalArgumentException as {@link #signIn(String, SignInCookie)}
   */
  default boolean signIn(String subject) {
    return signIn(subject, SignInCookie.SESSION);
  }

  /**
   * Signs {@code subject} in, as the application does once the user has proved who they are: stores
   * it under {@link SignInOptions#subjectKey()}, records the sign-in time (from which the absolute
   * lifetime counts) and the cookie chosen, and gives the session a new CSRF nonce; the other keys
   * stay. The response always carries a fresh seal, and with revocation on the seal the request
   * came with is revoked at once, so a copy of the cookie taken before sign-in (or planted by
   * someone else) opens as nothing. Signing in again, the same subject or another, starts a new
   * session.
   *
   * @param cookie a session cookie, or a persistent one ("remember me")
   * @return false if revocation is on and the store could not record the revocation of the
   *     request's seal (the sign-in is made all the same); true otherwise
   * @throws IllegalStateException if sign-in is off
   * @throws IllegalArgumentException if subject is blank or not well-formed Unicode
   * @throws TrackerTooLargeException if the tracker would then not fit; it is as it was
   */
  boolean signIn(String subject, SignInCookie cookie);

  /**
   * Renews a signed-in session's seal, for a change of privilege (a role granted or taken, a
   * password changed): the response carries a fresh seal with a new CSRF nonce, and with revocation
   * on the seal the request came with is revoked at once. The subject, the sign-in time (so the
   * absolute lifetime's end) and the cookie chosen stay; to restart the session after the user
   * proves who they are again, {@link #signIn} the same subject.
   *
   * @return as {@link #signIn(String, SignInCookie)}
   * @throws IllegalStateException if sign-in is off, or the tracker is not signed in
   */
  boolean renew();

  /**
   * Signs out: with revocation on, {@link #revoke()}; without, {@link #clear()}. Either way the
   * tracker is emptied and the cookie deleted.
   *
   * @return false if revocation is on and the store could not record it; true otherwise
   * @throws IllegalStateException if sign-in is off
   */
  boolean signOut();

  /**
   * Whether the tracker is signed in: it holds a subject and a sign-in time, and its absolute
   * lifetime has not run out (a seal past it reads as empty). Always false with sign-in off, and
   * for cookies written without sign-in (by another service, or before sign-in was turned on).
   */
  boolean signedIn();

  /** The signed-in subject; empty when not {@link #signedIn()}. */
  Optional<String> subject();

  /** When the session was signed in; empty when not {@link #signedIn()}. */
  Optional<Instant> signedInAt();

  /**
   * Whether the tracker is signed in and was signed in no longer than {@code within} ago, on the
   * configured clock.
   *
   * @throws NullPointerException if within is null
   */
  boolean signedInWithin(Duration within);

  /**
   * Refuses the request unless {@link #signedInWithin}: for a sensitive action that needs the user
   * to have signed in recently, as {@link RecentSignIn} does for a whole method.
   *
   * @throws RecentSignInRequiredException (a 403 with a problem body) if not signed in within it
   * @throws NullPointerException if within is null
   */
  default void requireSignInWithin(Duration within) {
    if (!signedInWithin(within)) {
      throw new RecentSignInRequiredException(within, signedIn());
    }
  }
}
