/**
 * The {@code tracker-cookie} command-line tool: seal, unseal, inspect tokens and generate passwords
 * from a shell. Runs with only the library jar on the class path (java.base, the {@code
 * io.trackercookie.iron} codec, {@code io.trackercookie.json} and the payload layouts of {@code
 * io.trackercookie.payload}), so {@code java -jar tracker-cookie.jar} is enough.
 *
 * <ul>
 *   <li>{@link io.trackercookie.cli.TrackerCookieCli}: the entry point: dispatch, usage ({@code
 *       --help}) and the exit codes.
 *   <li>{@code Arguments}: the command-line parser, over the {@code Option}s the tool knows.
 *   <li>{@code Command}, one class a command: {@code SealCommand}, {@code UnsealCommand}, {@code
 *       InspectCommand}, {@code KeygenCommand}; each says which options it takes.
 *   <li>{@code CommandContext}: what a command reads (stdin, the password, the clock) and the codec
 *       it uses; {@code PasswordFile}: {@code --password-file}.
 *   <li>{@code CliFailure}: a failed command's exit code and its one line for stderr.
 * </ul>
 *
 * <p>The layouts ({@code seal --tracker-cookie}, what {@code unseal} prints and refuses, the {@code
 * ~2} suffix) are the library's own rules, taken from {@code io.trackercookie.payload}.
 */
package io.trackercookie.cli;
