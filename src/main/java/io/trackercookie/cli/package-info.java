/**
 * The {@code tracker-cookie} command-line tool: seal, unseal, inspect tokens and generate passwords
 * from a shell. Runs with only the library jar on the class path (java.base and the {@code
 * io.trackercookie.iron} codec), so {@code java -jar tracker-cookie.jar} is enough.
 *
 * <ul>
 *   <li>{@link io.trackercookie.cli.TrackerCookieCli}: the entry point, argument parsing, the
 *       commands and the exit codes.
 *   <li>{@code StrictJson}: the RFC 8259 validator and minifier that makes {@code seal} seal what
 *       Node's {@code JSON.stringify} would.
 * </ul>
 */
package io.trackercookie.cli;
