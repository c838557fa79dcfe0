/**
 * Not API; may change in any release. The request path's engine: one per application, built from
 * the {@code TrackerConfig}, and the tracker each request gets. Uses {@code internal.cookie} and
 * {@code internal.seal}; knows nothing of filters or providers (see {@code internal.jaxrs}).
 *
 * <ul>
 *   <li>{@code EngineFactory} assembles a {@code TrackerEngine}: the codec (with the seal cache, or
 *       the password ring and its watcher), the payload format, the cookie jar, the legacy reader,
 *       the reseal policy, the listeners and, with revocation on, the revoker.
 *   <li>{@code TrackerEngine}: opens a request's cookies ({@code OpenedCookies}: the first
 *       candidate that opens, else the legacy cookie), checks sizes, seals and deletes.
 *   <li>{@code RequestTracker}: one request's {@code Tracker}, in one state ({@code Unopened},
 *       {@code Unchanged}, {@code Changed}); answers the response's Set-Cookie lines. {@code
 *       ValueConverter}: Jackson between its JSON and the application's values. {@code
 *       SessionMetadata}: the library's own fields of a session, under the one reserved key {@code
 *       $tracker} of the JSON object, which the application's reads never see. {@code CsrfTokens}:
 *       the session-bound CSRF token, an HMAC of the session's nonce and subject.
 *   <li>{@code SessionLifetimes}: what the session a content holds allows its seals (the idle
 *       lifetime, the absolute lifetime's end, a remembered sign-in's), the cookie to write them
 *       in, and a seal's earliest issue time for revocation.
 *   <li>{@code ResealPolicy}: when an unchanged cookie is sealed again (rotation, sliding expiry, a
 *       legacy upgrade), and until when.
 *   <li>{@code Revoker}: revocation on the request path (the store asked after a seal opens, and
 *       before a reseal nobody asked for).
 *   <li>{@code LegacyReader}: cookie-sessions cookies, read once and upgraded.
 *   <li>{@code ListenerFanout} tells the application's listeners, refusals in one vocabulary
 *       ({@code RejectionReasons}).
 *   <li>{@code TestKitGateway}: the test kit's one way in.
 * </ul>
 */
package io.trackercookie.internal.engine;
