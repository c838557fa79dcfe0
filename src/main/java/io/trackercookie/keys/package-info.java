/**
 * Where the passwords come from: given, from files, or with a key schedule. No JAX-RS here, and
 * nothing that reaches into the iron codec's internals.
 *
 * <ul>
 *   <li>{@link io.trackercookie.keys.PasswordSource}: the option group of the passwords (one, a
 *       keyring, a schedule or files), resolved when built; {@link
 *       io.trackercookie.keys.PasswordSettings} reads it from the {@code tracker.password*}
 *       settings.
 *   <li>{@link io.trackercookie.keys.PasswordRing}: passwords by id, each accepted at once and
 *       sealing from its "seal from" instant on.
 *   <li>{@link io.trackercookie.keys.PasswordFiles}: a directory with one file per password id (a
 *       mounted Kubernetes Secret), or one file; the files' form.
 *   <li>{@link io.trackercookie.keys.PasswordWatcher}: the daemon thread that polls the files and
 *       puts a changed, usable ring in force; an unusable change keeps the last good ring.
 *   <li>{@link io.trackercookie.keys.WeakPasswords}: the rules start-up refuses weak passwords by;
 *       one is a strength estimate (package-private {@code PasswordEntropy}, with the embedded word
 *       list {@code CommonWords} and the {@code QwertyKeyboard} it reads walks on).
 * </ul>
 */
@NullMarked
package io.trackercookie.keys;

import org.jspecify.annotations.NullMarked;
