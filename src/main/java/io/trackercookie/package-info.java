/**
 * tracker-cookie for Jakarta REST: a small JSON object kept encrypted and signed (iron Fe26.2) in a
 * cookie, opened into the request and sealed again into the response.
 *
 * <ul>
 *   <li>{@link io.trackercookie.TrackerFeature}: register it; start here.
 *   <li>{@link io.trackercookie.TrackerConfig} and {@link io.trackercookie.CookieSettings}: the
 *       options, built by validating builders; {@link io.trackercookie.TrackerSettings}: the same
 *       options as named settings (JAX-RS properties, system properties, environment variables).
 *   <li>{@link io.trackercookie.Tracker}: what a resource reads and changes ({@code @Context
 *       Tracker}).
 *   <li>{@link io.trackercookie.TrackerListener} and {@link io.trackercookie.RejectionReason}:
 *       observe rejected cookies.
 *   <li>{@link io.trackercookie.TrackerTooLargeException}: a tracker past the 4096-byte limit.
 * </ul>
 */
package io.trackercookie;
