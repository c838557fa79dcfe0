/**
 * Where the passwords come from when they may change: files, and a key schedule. No JAX-RS here,
 * and nothing that reaches into the iron codec's internals.
 *
 * <ul>
 *   <li>{@link io.trackercookie.keys.PasswordRing}: passwords by id, each accepted at once and
 *       sealing from its "seal from" instant on.
 *   <li>{@link io.trackercookie.keys.PasswordFiles}: a directory with one file per password id (a
 *       mounted Kubernetes Secret), or one file; the files' form.
 *   <li>{@link io.trackercookie.keys.PasswordWatcher}: the daemon thread that polls the files and
 *       puts a changed, usable ring in force; an unusable change keeps the last good ring.
 *   <li>{@link io.trackercookie.keys.WeakPasswords}: the rules start-up refuses weak passwords by.
 * </ul>
 */
@NullMarked
package io.trackercookie.keys;

import org.jspecify.annotations.NullMarked;
