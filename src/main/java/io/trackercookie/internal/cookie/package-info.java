/**
 * Not API; may change in any release. The tracker's cookies on the wire: the Cookie header in, the
 * Set-Cookie lines out. Names, attributes and sizes only; nothing of seals, JSON or JAX-RS.
 *
 * <ul>
 *   <li>{@code CookieHeaderParser}: the tracker cookie's values in raw Cookie header lines, in
 *       header order, at most eight; split on {@code ;} only, non-ASCII and oversize values refused
 *       before any crypto; drops non-numeric {@code $Version} attributes a runtime would choke on.
 *   <li>{@code CookieJar}: finds the tracker cookie, its chunks and the legacy cookie ({@code
 *       Found}); writes a seal as one cookie or as chunks, with the deletions of what it replaces;
 *       predicts sizes exactly against the 4096-byte limit and the Cookie-header budget; decides
 *       Secure per request.
 *   <li>{@code SetCookieWriter}: one cookie name's Set-Cookie text, attributes in a fixed order on
 *       every runtime, Max-Age ending with the seal when the seal ends first; a session cookie or
 *       one ending exactly with the seal when a sign-in chose it ({@code CookieLifetime}).
 *   <li>{@code SetCookieCaching}: the Cache-Control of a response that sets the cookie.
 * </ul>
 */
package io.trackercookie.internal.cookie;
