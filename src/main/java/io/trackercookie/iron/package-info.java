/**
 * The Fe26.2 seal codec of @hapi/iron, in plain Java: no JAX-RS, no JSON library, only {@code
 * java.base}.
 *
 * <ul>
 *   <li>{@link io.trackercookie.iron.IronCodec} seals and opens text; start here.
 *   <li>{@link io.trackercookie.iron.IronPasswords} and {@link io.trackercookie.iron.IronSecret}:
 *       which passwords seal and which are accepted (rotation by password id).
 *   <li>{@link io.trackercookie.iron.IronOptions}: iron's options, defaults included, and {@link
 *       io.trackercookie.iron.SaltPolicy}: fresh salts for every seal, or one pair shared for a
 *       bounded window.
 *   <li>{@link io.trackercookie.iron.IronException}: every seal that cannot be opened, with a
 *       reason to switch on. A configuration mistake is an IllegalArgumentException or
 *       IllegalStateException from the builders instead.
 *   <li>{@link io.trackercookie.iron.SealParts}: a seal split into its parts, unverified (for
 *       inspection tools).
 *   <li>Shared with this library's other readers: {@link io.trackercookie.iron.CryptoContext}, each
 *       thread's JCA objects, and {@link io.trackercookie.iron.Utf8}, the one strict UTF-8 decoder.
 * </ul>
 */
@NullMarked
package io.trackercookie.iron;

import org.jspecify.annotations.NullMarked;
