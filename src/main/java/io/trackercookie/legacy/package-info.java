/**
 * A read-only decoder for the cookies of the npm package cookie-sessions 0.0.2, for migrating
 * legacy sessions: {@link io.trackercookie.legacy.LegacySessionDecoder} verifies and decrypts, and
 * {@link io.trackercookie.legacy.LegacyCookieException} says why a cookie was refused. java.base
 * only, like the iron codec. This library never writes the legacy format.
 */
@NullMarked
package io.trackercookie.legacy;

import org.jspecify.annotations.NullMarked;
