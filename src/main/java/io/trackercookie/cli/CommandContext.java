package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_INPUT;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_INTERNAL;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_PASSWORD;
import static io.trackercookie.cli.TrackerCookieCli.PASSWORD_ENV;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What a command reads from the world around it: stdin, the password (from {@code --password-file}
 * or the environment) and the clock; and the codec it opens and seals with.
 */
final class CommandContext {

  /** Largest token accepted on stdin: the seal of {@link SealCommand#MAX_JSON_BYTES} fits. */
  static final int MAX_TOKEN_BYTES = 128 * 1024;

  private final InputStream stdin;
  private final Map<String, String> env;
  private final Clock clock;

  CommandContext(InputStream stdin, Map<String, String> env, Clock clock) {
    this.stdin = stdin;
    this.env = env;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  /**
   * The password from {@code --password-file}, else from {@value TrackerCookieCli#PASSWORD_ENV}.
   *
   * @throws CliFailure if there is none
   */
  String requirePassword(Arguments arguments) throws CliFailure {
    return password(arguments)
        .orElseThrow(
            () ->
                new CliFailure(
                    EXIT_PASSWORD,
                    "no password: set "
                        + PASSWORD_ENV
                        + " or use "
                        + Option.PASSWORD_FILE.cliName()
                        + " FILE"));
  }

  /**
   * The password from {@code --password-file}, else from {@value TrackerCookieCli#PASSWORD_ENV}
   * unless that is empty; empty if neither gives one.
   *
   * @throws CliFailure if the password file cannot be used
   */
  Optional<String> password(Arguments arguments) throws CliFailure {
    String file = arguments.value(Option.PASSWORD_FILE);
    if (file != null) {
      return Optional.of(PasswordFile.read(file));
    }
    String fromEnv = env.get(PASSWORD_ENV);
    return fromEnv == null || fromEnv.isEmpty() ? Optional.empty() : Optional.of(fromEnv);
  }

  /** iron's options as the tool uses them: tokens up to {@link #MAX_TOKEN_BYTES}, this clock. */
  IronOptions.Builder ironOptions() {
    return IronOptions.builder().maxSealLength(MAX_TOKEN_BYTES).clock(clock);
  }

  /**
   * A codec of these passwords and options.
   *
   * @throws CliFailure if the password is unusable (the codec's message names the rule it breaks,
   *     never the password)
   */
  static IronCodec codec(IronPasswords passwords, IronOptions options) throws CliFailure {
    try {
      return IronCodec.create(passwords, options);
    } catch (IllegalArgumentException e) {
      throw new CliFailure(EXIT_PASSWORD, "unusable password: " + e.getMessage());
    }
  }

  /**
   * A token or cookie value from stdin, surrounding whitespace removed.
   *
   * @throws CliFailure if stdin is empty, too large or not UTF-8
   */
  String readToken() throws CliFailure {
    String token = readStdin(MAX_TOKEN_BYTES, "token").strip();
    if (token.isEmpty()) {
      throw new CliFailure(EXIT_INPUT, "no token on stdin");
    }
    return token;
  }

  /**
   * All of stdin as UTF-8 text, a leading byte order mark removed; {@code what} names it in the
   * message when it is too large.
   *
   * @throws CliFailure if stdin is larger than {@code maxBytes}, not UTF-8, or cannot be read
   */
  String readStdin(int maxBytes, String what) throws CliFailure {
    byte[] bytes;
    try {
      bytes = stdin.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw new CliFailure(EXIT_INTERNAL, "cannot read stdin");
    }
    if (bytes.length > maxBytes) {
      throw new CliFailure(
          EXIT_INPUT, "the " + what + " on stdin is larger than " + maxBytes + " bytes");
    }
    String text;
    try {
      text = Utf8.decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      throw new CliFailure(EXIT_INPUT, "stdin is not valid UTF-8");
    }
    // RFC 8259 lets a parser ignore a byte order mark; some Windows tools write one.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
