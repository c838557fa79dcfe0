package io.trackercookie.cli;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import io.trackercookie.iron.Utf8;
import io.trackercookie.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code tracker-cookie} command-line tool: {@code java -jar tracker-cookie.jar COMMAND}.
 *
 * <p>Commands: {@code seal} (JSON on stdin, token out), {@code unseal} (token or cookie value on
 * stdin, the JSON object out, in any layout the library reads), {@code inspect} (what a token says
 * about itself, and with a password whether its MAC holds) and {@code keygen} (a fresh random
 * password). The password comes from {@value #PASSWORD_ENV} or {@code --password-file FILE}. {@code
 * --help} prints the whole contract and the exit codes.
 *
 * <p>On failure nothing is written to stdout and one line goes to stderr; that line never holds the
 * password, the token or the plaintext. The output is written only once a command has fully
 * succeeded, so a script never sees half a result.
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

  /** Largest JSON accepted by {@code seal}, in bytes. A cookie holds 4 KB; this is generous. */
  static final int MAX_JSON_BYTES = 64 * 1024;

  /** Largest token accepted on stdin: the seal of {@link #MAX_JSON_BYTES} of JSON fits. */
  static final int MAX_TOKEN_BYTES = 128 * 1024;

  /** Largest password file read, in bytes. */
  static final int MAX_PASSWORD_FILE_BYTES = 4096;

  /** Random bytes in a generated password: 256 bits, 43 base64url characters. */
  static final int KEYGEN_BYTES = 32;

  /** Longest ttl accepted: about 317 years keeps the expiration within what iron parses. */
  static final long MAX_TTL_MILLIS = 10_000_000_000_000L;

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

  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z-]{0,19}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  private static final String PASSWORD_FILE = "--password-file";
  private static final String TTL = "--ttl";
  private static final String PASSWORD_ID_OPTION = "--password-id";
  private static final String TRACKER_COOKIE = "--tracker-cookie";
  private static final String RAW = "--raw";

  /** Options that take no value. */
  private static final Set<String> FLAGS = Set.of(TRACKER_COOKIE, RAW);

  /** iron-session 8's format version, after the seal in its cookies; only this exact suffix. */
  static final String IRON_SESSION_SUFFIX = "~2";

  /** The member name @hapi/iron's JSON parse (Bourne, protoAction 'error') refuses. */
  static final String FORBIDDEN_NAME = "__proto__";

  private static final Map<String, Set<String>> OPTIONS_BY_COMMAND =
      Map.of(
          "seal", Set.of(PASSWORD_FILE, TTL, PASSWORD_ID_OPTION, TRACKER_COOKIE),
          "unseal", Set.of(PASSWORD_FILE, TRACKER_COOKIE, RAW),
          "inspect", Set.of(PASSWORD_FILE),
          "keygen", Set.of());

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, String> env;
  private final Clock clock;

  private TrackerCookieCli(Map<String, String> env, Clock clock) {
    this.env = env;
    this.clock = clock;
  }

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
      output = new TrackerCookieCli(env, clock).execute(args, stdin);
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

  private String execute(String[] args, InputStream stdin) throws CliFailure {
    Arguments arguments = Arguments.parse(args);
    if (arguments.help) {
      return HELP;
    }
    String command = arguments.command;
    for (String option : arguments.options.keySet()) {
      if (!OPTIONS_BY_COMMAND.get(command).contains(option)) {
        throw new CliFailure(
            EXIT_USAGE, "option " + option + " does not apply to " + command + " (see --help)");
      }
    }
    return switch (command) {
      case "seal" -> seal(arguments, stdin);
      case "unseal" -> unseal(arguments, stdin);
      case "inspect" -> inspect(arguments, stdin);
      case "keygen" -> keygen();
      default -> throw new IllegalStateException("command table and switch disagree");
    };
  }

  private String seal(Arguments arguments, InputStream stdin) throws CliFailure {
    // Check every option before reading stdin, so a usage error never waits for input.
    long ttlMillis = parseTtl(arguments.options.get(TTL));
    String passwordId = arguments.options.get(PASSWORD_ID_OPTION);
    if (passwordId != null && !IronPasswords.isValidId(passwordId)) {
      throw new CliFailure(EXIT_USAGE, "--password-id must be letters, digits and underscores");
    }
    String password = requirePassword(arguments);
    IronPasswords passwords =
        passwordId == null
            ? IronPasswords.single(password)
            : IronPasswords.builder().current(passwordId, password).build();
    IronCodec codec = codec(passwords, options().ttl(Duration.ofMillis(ttlMillis)).build());

    String json = readStdin(stdin, MAX_JSON_BYTES, "JSON");
    String compact;
    try {
      compact = StrictJson.minify(json);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new CliFailure(EXIT_INPUT, "stdin is not valid JSON: " + e.getMessage());
    }
    String text =
        arguments.options.containsKey(TRACKER_COOKIE) ? StrictJson.quote(compact) : compact;
    return codec.seal(text) + "\n";
  }

  private String unseal(Arguments arguments, InputStream stdin) throws CliFailure {
    boolean raw = arguments.options.containsKey(RAW);
    boolean trackerCookie = arguments.options.containsKey(TRACKER_COOKIE);
    if (raw && trackerCookie) {
      throw new CliFailure(EXIT_USAGE, "--raw and --tracker-cookie cannot be combined");
    }
    IronCodec codec = codec(IronPasswords.single(requirePassword(arguments)), options().build());
    String token = withoutIronSessionSuffix(readToken(stdin));
    String text;
    try {
      text = codec.unseal(token);
    } catch (IronException e) {
      throw refused(e);
    }
    if (raw) {
      return text + "\n";
    }
    if (!trackerCookie) {
      return sealedJson(text) + "\n";
    }
    try {
      text = StrictJson.unquote(text);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new CliFailure(
          EXIT_INPUT,
          "the token opened, but its content is not a JSON string, so it is not in the"
              + " tracker-cookie layout (try without --tracker-cookie)");
    }
    return text + "\n";
  }

  /**
   * The JSON in an opened seal, compact: refused as @hapi/iron refuses it, and tracker-cookie's
   * JSON string holding JSON unwrapped. A string that holds no JSON is printed as the string it is.
   */
  private static String sealedJson(String text) throws CliFailure {
    String json = ironJson(text);
    if (!json.startsWith("\"")) {
      return json;
    }
    String inner;
    try {
      inner = StrictJson.unquote(json);
    } catch (StrictJson.JsonSyntaxException e) {
      return json; // a lone surrogate: the string, escaped as sealed, is all there is to show
    }
    String innerJson;
    try {
      innerJson = StrictJson.minifyAllowingRepeatedNames(inner);
    } catch (StrictJson.JsonSyntaxException e) {
      return json;
    }
    checkNoForbiddenName(innerJson);
    return innerJson;
  }

  /** The text as @hapi/iron parses it (JSON.parse, then no {@code __proto__} name), compact. */
  private static String ironJson(String text) throws CliFailure {
    String json;
    try {
      json = StrictJson.minifyAllowingRepeatedNames(text);
    } catch (StrictJson.JsonSyntaxException e) {
      // The parser's message gives a position, never the text.
      throw new CliFailure(
          EXIT_REFUSED,
          "refused: INVALID_JSON \u2014 the sealed text is not JSON, so @hapi/iron would refuse"
              + " it: "
              + e.getMessage()
              + " (--raw prints it as it is)");
    }
    checkNoForbiddenName(json);
    return json;
  }

  private static void checkNoForbiddenName(String json) throws CliFailure {
    boolean forbidden;
    try {
      forbidden = StrictJson.hasMemberName(json, FORBIDDEN_NAME);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new IllegalStateException("valid JSON became invalid", e);
    }
    if (forbidden) {
      throw new CliFailure(
          EXIT_REFUSED,
          "refused: FORBIDDEN_KEY \u2014 the sealed JSON has a "
              + FORBIDDEN_NAME
              + " member name, which @hapi/iron refuses (--raw prints it as it is)");
    }
  }

  private String inspect(Arguments arguments, InputStream stdin) throws CliFailure {
    Optional<String> password = password(arguments);
    // Build the codec before reading stdin: an unusable password is reported as such.
    IronCodec codec =
        password.isPresent()
            ? codec(IronPasswords.single(password.get()), options().build())
            : null;
    String token = withoutIronSessionSuffix(readToken(stdin));
    SealParts parts;
    try {
      parts = SealParts.parse(token);
    } catch (IronException e) {
      throw refused(e);
    }

    Map<String, String> report = new LinkedHashMap<>();
    report.put("format", parts.prefix());
    report.put("password id", describePasswordId(parts.passwordId()));
    String expirationNote = describeExpiration(parts.expiration());
    report.put("expiration", expirationNote);
    report.put(
        "sizes",
        "token "
            + token.length()
            + ", encryption salt "
            + parts.encryptionSalt().length()
            + ", iv "
            + parts.encryptionIv().length()
            + ", encrypted "
            + parts.encryptedB64().length()
            + ", hmac salt "
            + parts.hmacSalt().length()
            + ", hmac "
            + parts.hmac().length()
            + " characters");

    if (codec == null) {
      report.put(
          "mac",
          "not checked (no password: set " + PASSWORD_ENV + " or use " + PASSWORD_FILE + ")");
      report.put(
          "verdict",
          expirationNote.endsWith("(passed)") ? "refused: EXPIRED" : "unknown without a password");
    } else {
      // A clock at the epoch takes expiry out of the way, so the MAC is checked even on an
      // expired token; the verdict below then uses the real clock.
      IronCodec ignoringExpiry =
          codec.withOptions(
              codec.options().toBuilder()
                  .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                  .build());
      report.put("mac", describeMac(ignoringExpiry, token));
      String verdict;
      try {
        codec.open(token);
        verdict = "accepted";
      } catch (IronException e) {
        verdict = "refused: " + e.reason() + " \u2014 " + e.getMessage();
      }
      report.put("verdict", verdict);
    }

    StringBuilder out = new StringBuilder();
    report.forEach((key, value) -> out.append(key).append(": ").append(value).append('\n'));
    return out.toString();
  }

  private static String describeMac(IronCodec ignoringExpiry, String token) {
    try {
      ignoringExpiry.open(token);
      return "holds (the content opens)";
    } catch (IronException e) {
      return switch (e.reason()) {
        case BAD_MAC -> "does not hold: BAD_MAC \u2014 " + e.getMessage();
        // These come after the MAC check, so the MAC held.
        case INVALID_BASE64, DECRYPTION_FAILED, INVALID_UTF8 ->
            "holds, but the content does not open: " + e.reason() + " \u2014 " + e.getMessage();
        default -> "not checked: " + e.reason() + " \u2014 " + e.getMessage();
      };
    }
  }

  private String describePasswordId(String passwordId) {
    if (passwordId.isEmpty()) {
      return "none";
    }
    // Token text is untrusted: print it only when it cannot carry terminal control sequences.
    return IronPasswords.isValidId(passwordId) && passwordId.length() <= 64
        ? passwordId
        : "invalid (" + passwordId.length() + " characters that are not a password id)";
  }

  private String describeExpiration(String expiration) {
    if (expiration.isEmpty()) {
      return "none";
    }
    if (!expiration.matches("[1-9][0-9]{0,14}|0")) {
      return "invalid (" + expiration.length() + " characters that are not a timestamp)";
    }
    Instant at = Instant.ofEpochMilli(Long.parseLong(expiration));
    Instant now = clock.instant();
    if (at.isAfter(now)) {
      return at + " (not yet passed)";
    }
    // iron refuses a seal only once its expiration is older than the allowed clock skew.
    Duration skew = IronOptions.defaults().timestampSkew();
    return at.isAfter(now.minus(skew))
        ? at + " (passed, but within the " + skew.toSeconds() + " s clock skew iron allows)"
        : at + " (passed)";
  }

  private static String keygen() {
    byte[] bytes = new byte[KEYGEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "\n";
  }

  private IronOptions.Builder options() {
    return IronOptions.builder().maxSealLength(MAX_TOKEN_BYTES).clock(clock);
  }

  private static IronCodec codec(IronPasswords passwords, IronOptions options) throws CliFailure {
    try {
      return IronCodec.create(passwords, options);
    } catch (IllegalArgumentException e) {
      // The codec's message names the rule the password breaks, never the password.
      throw new CliFailure(EXIT_PASSWORD, "unusable password: " + e.getMessage());
    }
  }

  private static CliFailure refused(IronException e) {
    return new CliFailure(EXIT_REFUSED, "refused: " + e.reason() + " \u2014 " + e.getMessage());
  }

  private static long parseTtl(String value) throws CliFailure {
    if (value == null) {
      return 0;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw new CliFailure(EXIT_USAGE, "--ttl must be a whole number of milliseconds");
    }
    long millis = Long.parseLong(value);
    if (millis < 1 || millis > MAX_TTL_MILLIS) {
      throw new CliFailure(
          EXIT_USAGE, "--ttl must be from 1 to " + MAX_TTL_MILLIS + " milliseconds");
    }
    return millis;
  }

  private String requirePassword(Arguments arguments) throws CliFailure {
    return password(arguments)
        .orElseThrow(
            () ->
                new CliFailure(
                    EXIT_PASSWORD,
                    "no password: set " + PASSWORD_ENV + " or use " + PASSWORD_FILE + " FILE"));
  }

  private Optional<String> password(Arguments arguments) throws CliFailure {
    String file = arguments.options.get(PASSWORD_FILE);
    if (file != null) {
      return Optional.of(readPasswordFile(file));
    }
    String fromEnv = env.get(PASSWORD_ENV);
    return fromEnv == null || fromEnv.isEmpty() ? Optional.empty() : Optional.of(fromEnv);
  }

  private static String readPasswordFile(String file) throws CliFailure {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      bytes = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: no such file: " + file);
    } catch (AccessDeniedException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: access denied: " + file);
    } catch (IOException | RuntimeException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: " + file);
    }
    if (bytes.length > MAX_PASSWORD_FILE_BYTES) {
      throw new CliFailure(
          EXIT_PASSWORD,
          "the password file is larger than " + MAX_PASSWORD_FILE_BYTES + " bytes: " + file);
    }
    String password =
        decodeUtf8(bytes)
            .orElseThrow(
                () ->
                    new CliFailure(EXIT_PASSWORD, "the password file is not UTF-8 text: " + file));
    // One trailing line end, as `echo secret > file` and editors write it; anything else is kept.
    if (password.endsWith("\n")) {
      password = password.substring(0, password.length() - 1);
      if (password.endsWith("\r")) {
        password = password.substring(0, password.length() - 1);
      }
    }
    if (password.isEmpty()) {
      throw new CliFailure(EXIT_PASSWORD, "the password file is empty: " + file);
    }
    return password;
  }

  private static String readToken(InputStream stdin) throws CliFailure {
    String token = readStdin(stdin, MAX_TOKEN_BYTES, "token").strip();
    if (token.isEmpty()) {
      throw new CliFailure(EXIT_INPUT, "no token on stdin");
    }
    return token;
  }

  /**
   * iron-session 8's seals end in {@code ~2}, which is no part of the iron token: that exact one.
   */
  private static String withoutIronSessionSuffix(String token) {
    return token.endsWith(IRON_SESSION_SUFFIX)
        ? token.substring(0, token.length() - IRON_SESSION_SUFFIX.length())
        : token;
  }

  private static String readStdin(InputStream stdin, int maxBytes, String what) throws CliFailure {
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
    String text =
        decodeUtf8(bytes).orElseThrow(() -> new CliFailure(EXIT_INPUT, "stdin is not valid UTF-8"));
    // RFC 8259 lets a parser ignore a byte order mark; some Windows tools write one.
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static Optional<String> decodeUtf8(byte[] bytes) {
    try {
      return Optional.of(Utf8.decodeStrict(bytes));
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static void writeQuietly(OutputStream stream, String text) {
    try {
      stream.write(text.getBytes(StandardCharsets.UTF_8));
      stream.flush();
    } catch (IOException e) {
      // Nowhere left to report it; the exit code still says what happened.
    }
  }

  /** The parsed command line: one command, options with values, or a request for help. */
  private static final class Arguments {
    private String command;
    private boolean help;
    private final Map<String, String> options = new LinkedHashMap<>();

    static Arguments parse(String[] args) throws CliFailure {
      Arguments parsed = new Arguments();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          parsed.help = true;
        } else if (arg.startsWith("--")) {
          int equals = arg.indexOf('=');
          String name = equals < 0 ? arg : arg.substring(0, equals);
          String value = equals < 0 ? null : arg.substring(equals + 1);
          if (!List.of(PASSWORD_FILE, TTL, PASSWORD_ID_OPTION, TRACKER_COOKIE, RAW)
              .contains(name)) {
            // Only the name before '=' is echoed: the value could be something secret.
            throw new CliFailure(EXIT_USAGE, "unknown option " + printable(name) + " (see --help)");
          }
          if (parsed.options.containsKey(name)) {
            throw new CliFailure(EXIT_USAGE, "option " + name + " is given twice");
          }
          if (FLAGS.contains(name)) {
            if (value != null) {
              throw new CliFailure(EXIT_USAGE, "option " + name + " takes no value");
            }
            value = "";
          } else if (value == null) {
            if (i + 1 >= args.length) {
              throw new CliFailure(EXIT_USAGE, "option " + name + " needs a value");
            }
            value = args[++i];
          }
          parsed.options.put(name, value);
        } else if (arg.startsWith("-") && arg.length() > 1) {
          throw new CliFailure(EXIT_USAGE, "unknown option " + printable(arg) + " (see --help)");
        } else if (parsed.command == null) {
          parsed.command = arg;
        } else {
          throw new CliFailure(EXIT_USAGE, "only one command may be given (see --help)");
        }
      }
      if (parsed.help) {
        return parsed;
      }
      if (parsed.command == null) {
        throw new CliFailure(
            EXIT_USAGE, "no command given: use seal, unseal, inspect or keygen (see --help)");
      }
      if (!OPTIONS_BY_COMMAND.containsKey(parsed.command)) {
        throw new CliFailure(
            EXIT_USAGE, "unknown command " + printable(parsed.command) + " (see --help)");
      }
      return parsed;
    }

    /** Echoes a word back only when it looks like one: a mistyped token must not reach stderr. */
    private static String printable(String word) {
      String bare =
          word.startsWith("--")
              ? word.substring(2)
              : word.startsWith("-") ? word.substring(1) : word;
      String dashes = word.substring(0, word.length() - bare.length());
      return COMMAND_WORD.matcher(bare).matches() ? "'" + word + "'" : "'" + dashes + "...'";
    }
  }
}
