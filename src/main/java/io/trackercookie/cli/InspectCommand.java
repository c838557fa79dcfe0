package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.PASSWORD_ENV;

import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.SealParts;
import io.trackercookie.payload.PayloadLayout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code inspect}: what a token says about itself (format, password id, expiration, part sizes)
 * and, with a password, whether its MAC holds and why not. Never the content; token text is printed
 * only where it cannot carry terminal control sequences. Succeeds whenever the report is printed,
 * whatever its verdict.
 */
final class InspectCommand implements Command {

  @Override
  public String name() {
    return "inspect";
  }

  @Override
  public Set<Option> options() {
    return Set.of(Option.PASSWORD_FILE);
  }

  @Override
  public String run(Arguments arguments, CommandContext context) throws CliFailure {
    Optional<String> password = context.password(arguments);
    // Build the codec before reading stdin: an unusable password is reported as such.
    IronCodec codec =
        password.isPresent()
            ? CommandContext.codec(
                IronPasswords.single(password.get()), context.ironOptions().build())
            : null;
    String token = PayloadLayout.sealIn(context.readToken());
    SealParts parts;
    try {
      parts = SealParts.parse(token);
    } catch (IronException e) {
      throw CliFailure.refused(e);
    }

    Map<String, String> report = new LinkedHashMap<>();
    report.put("format", parts.prefix());
    report.put("password id", describePasswordId(parts.passwordId()));
    String expirationNote = describeExpiration(parts.expiration(), context.clock().instant());
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
          "not checked (no password: set "
              + PASSWORD_ENV
              + " or use "
              + Option.PASSWORD_FILE.cliName()
              + ")");
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

  private static String describePasswordId(String passwordId) {
    if (passwordId.isEmpty()) {
      return "none";
    }
    // Token text is untrusted: print it only when it cannot carry terminal control sequences.
    return IronPasswords.isValidId(passwordId) && passwordId.length() <= 64
        ? passwordId
        : "invalid (" + passwordId.length() + " characters that are not a password id)";
  }

  private static String describeExpiration(String expiration, Instant now) {
    if (expiration.isEmpty()) {
      return "none";
    }
    if (!expiration.matches("[1-9][0-9]{0,14}|0")) {
      return "invalid (" + expiration.length() + " characters that are not a timestamp)";
    }
    Instant at = Instant.ofEpochMilli(Long.parseLong(expiration));
    if (at.isAfter(now)) {
      return at + " (not yet passed)";
    }
    // iron refuses a seal only once its expiration is older than the allowed clock skew.
    Duration skew = IronOptions.defaults().timestampSkew();
    return at.isAfter(now.minus(skew))
        ? at + " (passed, but within the " + skew.toSeconds() + " s clock skew iron allows)"
        : at + " (passed)";
  }
}
