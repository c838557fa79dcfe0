package io.trackercookie.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tracker-cookie} command-line tool: {@code java -jar tracker-cookie.jar COMMAND}.
 *
 * <p>Commands: {@code seal} (JSON on stdin, token out), {@code unseal} (token or cookie value on
 * stdin, the JSON object out, in any layout the library reads), {@code inspect} (what a token says
 * about itself, and with a password whether its MAC holds) and {@code keygen} (a fresh random
 * password). The password comes from {@value #PASSWORD_ENV} or {@code --password-file FILE}. {@code
 * --help} prints the whole contract and the exit codes.
 *
 * <p>This class is the entry point: it parses the command line ({@link Arguments}), picks the
 * {@link Command}, checks that the options given apply to it, and turns the outcome into output and
 * an exit code. On failure nothing is written to stdout and one line goes to stderr; that line
 * never holds the password, the token or the plaintext. The output is written only once a command
 * has fully succeeded, so a script never sees half a result.
 */
public final class TrackerCookieCli {

  /** Success. */
  public static final int EXIT_OK = 0;

  /** Unexpected failure: stdin or stdout could not be read or written. */
  public static final int EXIT_INTERNAL = 1;

  /** Usage error: unknown command or option, missing or invalid option value. */
  public static final int EXIT_USAGE = 2;

  /** No password, or an unusable one (empty, too short, unreadable password file). */
  public static final int EXIT_PASSWORD = 3;

  /** Invalid input: stdin is not strict JSON (seal), is empty, too large or not UTF-8. */
  public static final int EXIT_INPUT = 4;

  /** The token was refused; stderr names the reason (BAD_MAC, EXPIRED, ...). */
  public static final int EXIT_REFUSED = 5;

  /** The environment variable holding the password. */
  public static final String PASSWORD_ENV = "TRACKER_PASSWORD";

  static final String HELP =
      """
      Usage: java -jar tracker-cookie.jar COMMAND [OPTIONS]

      Seal and open @hapi/iron "Fe26.2" tokens (the tracker-cookie format) from a shell.

      Commands:
        seal      Read JSON from stdin (at most 64 KB), check it strictly (RFC 8259), remove
                  insignificant whitespace (as JSON.stringify writes it) and print the token.
        unseal    Read a token or a cookie value from stdin (surrounding whitespace ignored) and
                  print the JSON in it, compact. Every layout the library reads: tracker-cookie's
                  JSON string holding JSON (printed unwrapped), plain JSON, iron-session's seal
                  ending in ~2. Text that @hapi/iron would refuse (not JSON: a byte order mark,
                  text after the value, NaN, comments, nothing; or a __proto__ name) is refused.
        inspect   Read a token from stdin and print what it says about itself: format, password
                  id, expiration (and whether it has passed), part sizes. With a password, also
                  whether its MAC holds and, if not, why. Never prints the content. Exits 0
                  whenever the report is printed, whatever the verdict.
        keygen    Print a fresh random password (32 random bytes, 43 base64url characters).

      Options:
        --password-file FILE  Read the password from FILE (one trailing newline is removed).
                              Takes precedence over TRACKER_PASSWORD.   (seal, unseal, inspect)
        --ttl MILLIS          Give the token an expiration MILLIS milliseconds from now. (seal)
        --password-id ID      Write password id ID (letters, digits, _) into the token.  (seal)
        --tracker-cookie      Use the npm tracker-cookie layout: seal the JSON as a JSON string
                              (JSON.stringify twice); unseal insists on that layout and prints
                              the string's text.                          (seal, unseal)
        --raw                 Print the sealed text as it is, unchecked.  (unseal)
        --help, -h            Print this help and exit 0.

      Environment:
        TRACKER_PASSWORD      The password (at least 32 characters), unless --password-file.

      Exit codes:
        0  success
        1  unexpected failure reading stdin or writing stdout
        2  usage error: unknown command or option, missing or invalid option value
        3  no password, or an unusable one (empty, shorter than 32, unreadable file)
        4  invalid input: stdin empty, too large, not UTF-8, or (seal) not strict JSON
        5  the token was refused; stderr names the reason, e.g. BAD_MAC, EXPIRED or
           (unseal) INVALID_JSON, FORBIDDEN_KEY

      On failure stdout is empty and stderr holds one line, which never contains the password,
      the token or the plaintext.
      """;

  /** The commands by the word that runs them. */
  private static final Map<String, Command> COMMANDS =
      byName(
          List.of(
              new SealCommand(), new UnsealCommand(), new InspectCommand(), new KeygenCommand()));

  private TrackerCookieCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err, System.getenv()));
  }

  /**
   * Runs one command, as {@link #main} does, with its streams and environment given.
   *
   * @return the exit code
   */
  static int run(
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr,
      Map<String, String> env) {
    return run(args, stdin, stdout, stderr, env, Clock.systemUTC());
  }

  static int run(
      String[] args,
      InputStream stdin,
      OutputStream stdout,
      OutputStream stderr,
      Map<String, String> env,
      Clock clock) {
    String output;
    int code;
    try {
      output = execute(args, new CommandContext(stdin, env, clock));
      code = EXIT_OK;
    } catch (CliFailure failure) {
      output = null;
      code = failure.exitCode();
      writeQuietly(stderr, "tracker-cookie: " + failure.getMessage() + "\n");
    } catch (RuntimeException e) {
      // Only the class name: an unexpected message is not known to be free of secrets.
      output = null;
      code = EXIT_INTERNAL;
      writeQuietly(
          stderr, "tracker-cookie: internal error (" + e.getClass().getSimpleName() + ")\n");
    }
    if (output != null) {
      try {
        stdout.write(output.getBytes(StandardCharsets.UTF_8));
        stdout.flush();
      } catch (IOException e) {
        writeQuietly(stderr, "tracker-cookie: cannot write to stdout\n");
        return EXIT_INTERNAL;
      }
    }
    return code;
  }

  private static String execute(String[] args, CommandContext context) throws CliFailure {
    Arguments arguments = Arguments.parse(args);
    if (arguments.help()) {
      return HELP;
    }
    if (arguments.command() == null) {
      throw new CliFailure(
          EXIT_USAGE, "no command given: use seal, unseal, inspect or keygen (see --help)");
    }
    Command command = COMMANDS.get(arguments.command());
    if (command == null) {
      throw new CliFailure(
          EXIT_USAGE,
          "unknown command " + Arguments.printable(arguments.command()) + " (see --help)");
    }
    for (Option option : arguments.options()) {
      if (!command.options().contains(option)) {
        throw new CliFailure(
            EXIT_USAGE,
            "option "
                + option.cliName()
                + " does not apply to "
                + command.name()
                + " (see --help)");
      }
    }
    return command.run(arguments, context);
  }

  private static Map<String, Command> byName(List<Command> commands) {
    Map<String, Command> byName = new LinkedHashMap<>();
    for (Command command : commands) {
      byName.put(command.name(), command);
    }
    return Map.copyOf(byName);
  }

  private static void writeQuietly(OutputStream stream, String text) {
    try {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
      stream.flush();
    } catch (IOException e) {
      // Nowhere left to report it; the exit code still says what happened.
    }
  }
}
