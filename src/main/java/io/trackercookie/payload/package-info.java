/**
 * The payload layouts: how a tracker's JSON sits in a cookie for npm tracker-cookie, @hapi/cookie
 * and iron-session. Not API; may change in any release. java.base only (with {@code
 * io.trackercookie.iron} and {@code io.trackercookie.json}), so the request path and the
 * command-line tool share these rules and the tool still runs on the jar alone.
 *
 * <ul>
 *   <li>{@link io.trackercookie.payload.PayloadLayout}: each layout's wire rules (JSON in a JSON
 *       string, iron-session's suffix and numeric password ids), the reading of every layout
 *       whatever the configured one, and the {@code __proto__} rule.
 *   <li>{@link io.trackercookie.payload.JsonModel}: the seam to a JSON parser, so the rules are
 *       written once whatever the object model ({@link io.trackercookie.payload.NotJsonException}
 *       for text that is not JSON).
 *   <li>{@link io.trackercookie.payload.PayloadText}: the layouts read as compact JSON text with
 *       {@code StrictJson}, for the command-line tool ({@link
 *       io.trackercookie.payload.PayloadRefusedException} for what it refuses).
 * </ul>
 */
@NullMarked
package io.trackercookie.payload;

import org.jspecify.annotations.NullMarked;
