/**
 * Not API; may change in any release. The request path, one role a class:
 *
 * <ul>
 *   <li>{@code EngineFactory} assembles a {@code TrackerEngine} from a {@code TrackerConfig}: the
 *       iron codec with the config's ttl and clock, the verified-seal cache, the payload format,
 *       the cookie jar, the legacy reader, the reseal policy and the listeners.
 *   <li>{@code TrackerRequestFilter} puts a lazy {@code RequestTracker} on the request; no crypto.
 *       {@code RequestTracker} is in one explicit state (unopened, opened, changed) and answers
 *       {@code responseCookies(secure)}, which {@code TrackerResponseFilter} adds to the response.
 *   <li>{@code CookieJar}: the Cookie header in (the cookie, its chunks, the legacy cookie, via
 *       {@code CookieHeaderParser}), every Set-Cookie line out ({@code SetCookieWriter}), deletions
 *       and the 4096-byte limit included.
 *   <li>{@code Sealer}: text in, seal out, and back: a {@code SealFormat} (each payload format's
 *       wire behaviour) over a {@code SealCodec}, the seam in front of iron ({@code IronSealCodec},
 *       with the {@code VerifiedSealCache} when it is on).
 *   <li>{@code ResealPolicy}: when an unchanged cookie is sealed again (rotation, sliding expiry).
 *   <li>{@code LegacyReader}: cookie-sessions cookies, read once and upgraded.
 *   <li>{@code Listeners}: one rejection vocabulary for every cookie, told to the application.
 *   <li>{@code TrackerJson}: the wire JSON, with its own strict mapper; {@code
 *       TrackerParamConverterProvider}: typed {@code @CookieParam} reads.
 * </ul>
 */
package io.trackercookie.internal.engine;
