/**
 * The Fe26.2 seal codec of @hapi/iron, in plain Java: no JAX-RS, no JSON library, only {@code
 * java.base}.
 *
 * <ul>
 *   <li>{@link io.trackercookie.iron.IronCodec} seals and opens text; start here.
 *   <li>{@link io.trackercookie.iron.IronPasswords} and {@link io.trackercookie.iron.IronSecret}:
 *       which passwords seal and which are accepted (rotation by password id).
 *   <li>{@link io.trackercookie.iron.IronOptions}: iron's options, defaults included.
 *   <li>{@link io.trackercookie.iron.IronException}: every failure, with a reason to switch on.
 *   <li>{@link io.trackercookie.iron.SealParts}: a seal split into its parts, unverified (for
 *       inspection tools).
 * </ul>
 */
package io.trackercookie.iron;
