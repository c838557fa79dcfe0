/**
 * tracker-cookie for Jakarta REST: a small JSON object kept encrypted and signed (iron Fe26.2) in a
 * cookie, opened into the request and sealed again into the response.
 *
 * <ul>
 *   <li>{@link io.trackercookie.TrackerFeature}: register it; start here.
 *   <li>{@link io.trackercookie.TrackerConfig}: the options, as groups each with a builder that
 *       checks its own ({@link io.trackercookie.Lifetimes}, {@link
 *       io.trackercookie.CookieSettings}, {@link io.trackercookie.CookieBudget}, {@link
 *       io.trackercookie.SealCacheOptions}, {@link io.trackercookie.LegacyCookies}, {@link
 *       io.trackercookie.RevocationOptions}, {@link io.trackercookie.SignInOptions}, and {@link
 *       io.trackercookie.keys.PasswordSource} for the passwords), and the preset {@code
 *       signedInSessions()}; {@link io.trackercookie.TrackerSettings}: the same options as named
 *       settings (JAX-RS properties, system properties, environment variables), one row per
 *       setting; {@code TrackerSettings.builder()} reads them and takes code on top.
 *   <li>{@link io.trackercookie.Tracker}: what a resource reads and changes ({@code @Context
 *       Tracker}), signs in ({@link io.trackercookie.SignInCookie}) and out. {@link
 *       io.trackercookie.RecentSignIn} and {@link io.trackercookie.RecentSignInRequiredException}:
 *       sensitive actions that need a recent sign-in.
 *   <li>{@link io.trackercookie.TrackerListener} and {@link io.trackercookie.RejectionReason}:
 *       observe rejected cookies.
 *   <li>{@link io.trackercookie.TrackerTooLargeException}: a tracker past the 4096-byte limit;
 *       {@link io.trackercookie.UnknownTrackerKeyException}: a strict read met a key its type
 *       lacks. The feature answers both with a problem body unless the application maps them.
 *   <li>{@link io.trackercookie.JsonOptions}: how values become JSON; {@link
 *       io.trackercookie.TrackerValue}: the tracker as a typed parameter (Jersey).
 * </ul>
 */
@NullMarked
package io.trackercookie;

import org.jspecify.annotations.NullMarked;
