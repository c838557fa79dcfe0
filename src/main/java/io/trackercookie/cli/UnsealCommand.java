package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_INPUT;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_REFUSED;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_USAGE;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.payload.PayloadLayout;
import io.trackercookie.payload.PayloadRefusedException;
import io.trackercookie.payload.PayloadText;
import java.util.Set;

/**
 * {@code unseal}: a token or cookie value of any layout on stdin, its payload out as compact JSON,
 * refused as @hapi/iron refuses it; {@code --raw} prints the sealed text unchecked, {@code
 * --tracker-cookie} insists on npm tracker-cookie's layout and prints the string's text.
 */
final class UnsealCommand implements Command {

  @Override
  public String name() {
    return "unseal";
  }

  @Override
  public Set<Option> options() {
    return Set.of(Option.PASSWORD_FILE, Option.TRACKER_COOKIE, Option.RAW);
  }

  @Override
  public String run(Arguments arguments, CommandContext context) throws CliFailure {
    boolean raw = arguments.has(Option.RAW);
    boolean trackerCookie = arguments.has(Option.TRACKER_COOKIE);
    if (raw && trackerCookie) {
      throw new CliFailure(EXIT_USAGE, "--raw and --tracker-cookie cannot be combined");
    }
    IronCodec codec =
        CommandContext.codec(
            IronPasswords.single(context.requirePassword(arguments)),
            context.ironOptions().build());
    String token = PayloadLayout.sealIn(context.readToken());
    String text;
    try {
      text = codec.unseal(token);
    } catch (IronException e) {
      throw CliFailure.refused(e);
    }
    if (raw) {
      return text + "\n";
    }
    if (trackerCookie) {
      try {
        return PayloadText.trackerCookieContent(text) + "\n";
      } catch (PayloadRefusedException e) {
        throw new CliFailure(
            EXIT_INPUT,
            "the token opened, but its content is not a JSON string, so it is not in the"
                + " tracker-cookie layout (try without --tracker-cookie)");
      }
    }
    try {
      return PayloadText.read(text) + "\n";
    } catch (PayloadRefusedException e) {
      throw refused(e);
    }
  }

  /** Refused as @hapi/iron refuses it; the parser's message gives a position, never the text. */
  private static CliFailure refused(PayloadRefusedException e) {
    String refusal =
        switch (e.reason()) {
          case INVALID_JSON ->
              "INVALID_JSON \u2014 the sealed text is not JSON, so @hapi/iron would refuse it: "
                  + e.getMessage();
          case FORBIDDEN_KEY ->
              "FORBIDDEN_KEY \u2014 the sealed JSON has a "
                  + PayloadLayout.FORBIDDEN_NAME
                  + " member name, which @hapi/iron refuses";
          case NOT_A_JSON_STRING -> throw new IllegalStateException("read never insists on it");
        };
    return new CliFailure(EXIT_REFUSED, "refused: " + refusal + " (--raw prints it as it is)");
  }
}
