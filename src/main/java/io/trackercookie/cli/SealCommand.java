package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_INPUT;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_USAGE;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.json.StrictJson;
import io.trackercookie.payload.PayloadLayout;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code seal}: strict JSON on stdin, sealed compact (as {@code JSON.stringify} writes it) in the
 * plain layout, or with {@code --tracker-cookie} in npm tracker-cookie's; the token out.
 */
final class SealCommand implements Command {

  /** Largest JSON accepted, in bytes. A cookie holds 4 KB; this is generous. */
  static final int MAX_JSON_BYTES = 64 * 1024;

  /** Longest ttl accepted: about 317 years keeps the expiration within what iron parses. */
  static final long MAX_TTL_MILLIS = 10_000_000_000_000L;

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

  @Override
  public String name() {
    return "seal";
  }

  @Override
  public Set<Option> options() {
    return Set.of(Option.PASSWORD_FILE, Option.TTL, Option.PASSWORD_ID, Option.TRACKER_COOKIE);
  }

  @Override
  public String run(Arguments arguments, CommandContext context) throws CliFailure {
    long ttlMillis = parseTtl(arguments.value(Option.TTL));
    String passwordId = arguments.value(Option.PASSWORD_ID);
    if (passwordId != null && !IronPasswords.isValidId(passwordId)) {
      throw new CliFailure(EXIT_USAGE, "--password-id must be letters, digits and underscores");
    }
    String password = context.requirePassword(arguments);
    IronPasswords passwords =
        passwordId == null
            ? IronPasswords.single(password)
            : IronPasswords.builder().current(passwordId, password).build();
    IronCodec codec =
        CommandContext.codec(
            passwords, context.ironOptions().ttl(Duration.ofMillis(ttlMillis)).build());

    String json = context.readStdin(MAX_JSON_BYTES, "JSON");
    String compact;
    try {
      compact = StrictJson.minify(json);
    } catch (StrictJson.JsonSyntaxException e) {
      throw new CliFailure(EXIT_INPUT, "stdin is not valid JSON: " + e.getMessage());
    }
    PayloadLayout layout =
        arguments.has(Option.TRACKER_COOKIE)
            ? PayloadLayout.TRACKER_COOKIE
            : PayloadLayout.PLAIN_JSON;
    return codec.seal(layout.plaintext(compact)) + "\n";
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
}
