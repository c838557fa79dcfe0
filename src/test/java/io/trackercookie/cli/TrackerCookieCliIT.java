package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_INPUT;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_OK;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_PASSWORD;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_REFUSED;
import static io.trackercookie.cli.TrackerCookieCli.EXIT_USAGE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar run as a real process, with only the jar on the class path. */
class TrackerCookieCliIT {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PASSWORD = "cli-test-password-that-is-long-enough-0123456789";
  private static final String OTHER_PASSWORD = "another-cli-password-that-is-long-enough-98765";
  private static final String SECRET_JSON = "{\"user\":\"alice-in-plaintext\",\"visits\":7}";

  @TempDir Path tempDir;

  @Test
  void sealThenUnseal_givesBackTheJsonCompacted_withUnicode() {
    String pretty =
        "{\n  \"name\" : \"Zoë ☃ 中文 😀\",\n  \"n\" : [ 1, 2.50, -3e2 ],\n  \"esc\": \"\\u00e9\\n\"\n}\n";
    CliProcess.Result sealed = CliProcess.withPassword(PASSWORD).stdin(pretty).run("seal");
    assertEquals(EXIT_OK, sealed.exitCode(), sealed::toString);
    assertTrue(sealed.line().startsWith("Fe26.2**"), "a plain-password seal carries no id");
    assertFalse(sealed.line().contains("\n"), "one line");

    CliProcess.Result opened =
        CliProcess.withPassword(PASSWORD).stdin(sealed.stdout()).run("unseal");
    assertEquals(EXIT_OK, opened.exitCode(), opened::toString);
    assertEquals(
        "{\"name\":\"Zoë ☃ 中文 😀\",\"n\":[1,2.50,-3e2],\"esc\":\"\\u00e9\\n\"}\n", opened.stdout());
    assertEquals("", opened.stderr());
  }

  @Test
  void unseal_ignoresWhitespaceAroundTheToken() {
    String token = seal(PASSWORD, SECRET_JSON);
    CliProcess.Result opened =
        CliProcess.withPassword(PASSWORD).stdin("\r\n  " + token + " \t\r\n\n").run("unseal");
    assertEquals(EXIT_OK, opened.exitCode(), opened::toString);
    assertEquals(SECRET_JSON, opened.line());
  }

  @Test
  void unseal_opensTheUpstreamHapiTicket() throws IOException {
    JsonNode ticket = vectorCase("iron-valid.json", "v-upstream-hapi-ticket");
    CliProcess.Result opened =
        CliProcess.withPassword(ticket.get("password").asText())
            .stdin(ticket.get("sealed").asText() + "\n")
            .run("unseal");
    assertEquals(EXIT_OK, opened.exitCode(), opened::toString);
    // iron sealed JSON.stringify(value): compact text, which Jackson writes the same way here.
    assertEquals(MAPPER.writeValueAsString(ticket.get("expected")), opened.line());
  }

  @Test
  void trackerCookieOption_readsAndWritesTheNpmTrackerCookieLayout() throws IOException {
    JsonNode vectors = readVectors("tracker-cookie.json");
    JsonNode exchange = vectors.get("exchanges").get(0);
    String password = vectors.get("password").asText();
    String cookieValue = exchange.get("cookieValue").asText();

    CliProcess.Result plain = CliProcess.withPassword(password).stdin(cookieValue).run("unseal");
    assertEquals(EXIT_OK, plain.exitCode(), plain::toString);
    assertEquals(
        exchange.get("tracked"),
        MAPPER.readTree(plain.line()),
        "without an option: the object, unwrapped, as the library reads it");

    CliProcess.Result raw =
        CliProcess.withPassword(password).stdin(cookieValue).run("unseal", "--raw");
    assertEquals(EXIT_OK, raw.exitCode(), raw::toString);
    assertEquals(
        MAPPER.writeValueAsString(exchange.get("unsealedRaw").asText()),
        raw.line(),
        "--raw: the JSON string literal that iron returns");

    CliProcess.Result unwrapped =
        CliProcess.withPassword(password).stdin(cookieValue).run("unseal", "--tracker-cookie");
    assertEquals(EXIT_OK, unwrapped.exitCode(), unwrapped::toString);
    assertEquals(exchange.get("unsealedRaw").asText(), unwrapped.line());
    assertEquals(exchange.get("tracked"), MAPPER.readTree(unwrapped.line()));

    // Sealing with the option makes what tracker-cookie makes:
    // JSON.stringify(JSON.stringify(info)).
    String token = seal(password, "{ \"user\": \"bob\" }", "--tracker-cookie");
    String text = IronCodec.create(password).unseal(token);
    assertEquals("\"{\\\"user\\\":\\\"bob\\\"}\"", text);
  }

  @Test
  void unsealWithTrackerCookieOption_refusesContentThatIsNotAJsonString() {
    String token = seal(PASSWORD, SECRET_JSON);
    assertFailure(
        CliProcess.withPassword(PASSWORD).stdin(token).run("unseal", "--tracker-cookie"),
        EXIT_INPUT,
        token);
  }

  @Test
  void seal_acceptsJsonNearTheSizeLimit_andItsLongTokenUnseals() {
    String big = "[\"" + "x".repeat(SealCommand.MAX_JSON_BYTES - 10) + "\"]";
    String token = seal(PASSWORD, big);
    assertTrue(token.length() > IronOptions.DEFAULT_MAX_SEAL_LENGTH, "longer than a cookie seal");
    CliProcess.Result opened = CliProcess.withPassword(PASSWORD).stdin(token).run("unseal");
    assertEquals(EXIT_OK, opened.exitCode(), opened::toString);
    assertEquals(big, opened.line());
  }

  @Test
  void keygen_printsDistinctUrlSafePasswordsOfAtLeast32Characters() {
    CliProcess.Result first = CliProcess.withoutPassword().run("keygen");
    CliProcess.Result second = CliProcess.withoutPassword().run("keygen");
    assertEquals(EXIT_OK, first.exitCode(), first::toString);
    assertEquals(EXIT_OK, second.exitCode(), second::toString);
    assertTrue(first.line().matches("[A-Za-z0-9_-]{43}"), "43 base64url characters");
    assertTrue(second.line().matches("[A-Za-z0-9_-]{43}"), "43 base64url characters");
    assertNotEquals(first.line(), second.line());
    // And it is a password the tool accepts.
    String token = seal(first.line(), SECRET_JSON);
    assertEquals(
        SECRET_JSON, CliProcess.withPassword(first.line()).stdin(token).run("unseal").line());
  }

  @Test
  void inspect_withoutPassword_showsWhatTheTokenSaysButNoSecret() {
    Instant before = Instant.now();
    String token = seal(PASSWORD, SECRET_JSON, "--ttl", "3600000", "--password-id", "v2");
    Instant after = Instant.now();

    CliProcess.Result report = CliProcess.withoutPassword().stdin(token).run("inspect");
    assertEquals(EXIT_OK, report.exitCode(), report::toString);
    String out = report.stdout();
    assertAll(
        () -> assertTrue(out.contains("format: Fe26.2\n"), out),
        () -> assertTrue(out.contains("password id: v2\n"), out),
        () -> assertTrue(out.contains("(not yet passed)"), out),
        () -> assertTrue(out.contains("sizes: token " + token.length()), out),
        () -> assertTrue(out.contains("mac: not checked"), out),
        () -> assertTrue(out.contains("verdict: unknown without a password"), out),
        () -> assertFalse(out.contains("alice"), "no plaintext"),
        () -> assertFalse(out.contains(PASSWORD), "no password"));
    Instant expiration = expirationIn(out);
    assertFalse(
        expiration.isBefore(
            before.plusMillis(3600000).truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    assertFalse(expiration.isAfter(after.plusMillis(3600000)));
  }

  @Test
  void inspect_withTheRightPassword_saysTheMacHolds() {
    String token = seal(PASSWORD, SECRET_JSON);
    CliProcess.Result report = CliProcess.withPassword(PASSWORD).stdin(token).run("inspect");
    assertEquals(EXIT_OK, report.exitCode(), report::toString);
    assertTrue(report.stdout().contains("password id: none\n"), report.stdout());
    assertTrue(report.stdout().contains("expiration: none\n"), report.stdout());
    assertTrue(report.stdout().contains("mac: holds"), report.stdout());
    assertTrue(report.stdout().contains("verdict: accepted"), report.stdout());
    assertFalse(report.stdout().contains("alice"), "inspect never prints the plaintext");
    assertFalse(report.stdout().contains(PASSWORD));
  }

  @Test
  void inspect_withAWrongPassword_namesBadMac() {
    String token = seal(PASSWORD, SECRET_JSON);
    CliProcess.Result report = CliProcess.withPassword(OTHER_PASSWORD).stdin(token).run("inspect");
    assertEquals(EXIT_OK, report.exitCode(), report::toString);
    assertTrue(report.stdout().contains("mac: does not hold: BAD_MAC"), report.stdout());
    assertTrue(report.stdout().contains("verdict: refused: BAD_MAC"), report.stdout());
    assertFalse(report.stdout().contains(OTHER_PASSWORD));
    assertFalse(report.stdout().contains(PASSWORD));
  }

  @Test
  void expiredToken_isRefusedByUnseal_andInspectSaysItPassed() {
    IronOptions past =
        IronOptions.builder()
            .ttl(Duration.ofMinutes(5))
            .clock(Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC))
            .build();
    String token = IronCodec.create(IronPasswords.single(PASSWORD), past).seal(SECRET_JSON);

    CliProcess.Result opened = CliProcess.withPassword(PASSWORD).stdin(token).run("unseal");
    assertFailure(opened, EXIT_REFUSED, token);
    assertTrue(opened.stderr().contains("EXPIRED"), opened.stderr());

    CliProcess.Result report = CliProcess.withPassword(PASSWORD).stdin(token).run("inspect");
    assertEquals(EXIT_OK, report.exitCode(), report::toString);
    assertTrue(
        report.stdout().contains("expiration: 2025-01-01T00:05:00Z (passed)\n"), report.stdout());
    assertTrue(report.stdout().contains("mac: holds"), "the MAC is checked even when expired");
    assertTrue(report.stdout().contains("verdict: refused: EXPIRED"), report.stdout());
  }

  @Test
  void passwordFile_isReadWithoutItsTrailingNewline_andWinsOverTheEnvironment() throws IOException {
    Path file = tempDir.resolve("password");
    Files.writeString(file, PASSWORD + "\n");
    CliProcess.Result sealed =
        CliProcess.withPassword(OTHER_PASSWORD)
            .stdin(SECRET_JSON)
            .run("seal", "--password-file", file.toString());
    assertEquals(EXIT_OK, sealed.exitCode(), sealed::toString);
    assertEquals(SECRET_JSON, IronCodec.create(PASSWORD).unseal(sealed.line()));

    Files.writeString(file, PASSWORD + "\r\n");
    CliProcess.Result opened =
        CliProcess.withoutPassword()
            .stdin(sealed.stdout())
            .run("unseal", "--password-file=" + file);
    assertEquals(EXIT_OK, opened.exitCode(), opened::toString);
    assertEquals(SECRET_JSON, opened.line());
  }

  @Test
  void help_listsCommandsOptionsExitCodesAndTheVariable() {
    CliProcess.Result help = CliProcess.withoutPassword().run("--help");
    assertEquals(EXIT_OK, help.exitCode());
    for (String word :
        new String[] {
          "seal",
          "unseal",
          "inspect",
          "keygen",
          "--password-file",
          "--ttl",
          "--password-id",
          "--tracker-cookie",
          "--raw",
          "TRACKER_PASSWORD",
          "Exit codes",
          "  5  "
        }) {
      assertTrue(help.stdout().contains(word), "help mentions " + word);
    }
    assertEquals(help.stdout(), CliProcess.withoutPassword().run("seal", "-h").stdout());
  }

  @Test
  void usageErrors_exitWith2() throws IOException {
    String token = seal(PASSWORD, SECRET_JSON);
    CliProcess pw = CliProcess.withPassword(PASSWORD);
    assertFailure(pw.run(), EXIT_USAGE, token);
    assertFailure(pw.run("frobnicate"), EXIT_USAGE, token);
    assertFailure(pw.run(token), EXIT_USAGE, token); // a token typed as the command is not echoed
    assertFailure(pw.run("seal", "unseal"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--bogus"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--password=" + PASSWORD), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--ttl"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--ttl", "soon"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--ttl", "0"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--ttl", "5", "--ttl", "6"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--password-id", "not-a-word"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--tracker-cookie=yes"), EXIT_USAGE, token);
    assertFailure(pw.run("unseal", "--ttl", "5"), EXIT_USAGE, token);
    assertFailure(pw.run("inspect", "--tracker-cookie"), EXIT_USAGE, token);
    assertFailure(pw.run("seal", "--raw"), EXIT_USAGE, token);
    assertFailure(pw.run("unseal", "--raw=yes"), EXIT_USAGE, token);
    assertFailure(pw.run("unseal", "--raw", "--tracker-cookie"), EXIT_USAGE, token);
    assertFailure(pw.run("keygen", "--password-id", "v1"), EXIT_USAGE, token);
  }

  @Test
  void passwordProblems_exitWith3() throws IOException {
    Path empty = tempDir.resolve("empty");
    Files.writeString(empty, "\n");
    Path missing = tempDir.resolve("missing");
    String shortPassword = "short-password-x";
    assertFailure(
        CliProcess.withoutPassword().stdin(SECRET_JSON).run("seal"), EXIT_PASSWORD, SECRET_JSON);
    assertFailure(
        CliProcess.withPassword(shortPassword).stdin(SECRET_JSON).run("seal"),
        EXIT_PASSWORD,
        shortPassword);
    assertFailure(
        CliProcess.withPassword(shortPassword).stdin("Fe26.2*x").run("inspect"),
        EXIT_PASSWORD,
        shortPassword);
    assertFailure(
        CliProcess.withoutPassword()
            .stdin(SECRET_JSON)
            .run("seal", "--password-file", empty.toString()),
        EXIT_PASSWORD,
        SECRET_JSON);
    assertFailure(
        CliProcess.withoutPassword()
            .stdin("x")
            .run("unseal", "--password-file", missing.toString()),
        EXIT_PASSWORD,
        SECRET_JSON);
  }

  @Test
  void invalidInput_exitsWith4() {
    CliProcess pw = CliProcess.withPassword(PASSWORD);
    assertFailure(pw.stdin("{\"user\": \"alice-in-plaintext\",}").run("seal"), EXIT_INPUT, "alice");
    assertFailure(
        CliProcess.withPassword(PASSWORD).stdin("{\"a\":1,\"a\":2}").run("seal"),
        EXIT_INPUT,
        PASSWORD);
    assertFailure(CliProcess.withPassword(PASSWORD).stdin("").run("seal"), EXIT_INPUT, PASSWORD);
    assertFailure(
        CliProcess.withPassword(PASSWORD).stdin(new byte[] {'"', (byte) 0xC3, '"'}).run("seal"),
        EXIT_INPUT,
        PASSWORD);
    String tooBig = "[\"" + "x".repeat(SealCommand.MAX_JSON_BYTES) + "\"]";
    assertFailure(CliProcess.withPassword(PASSWORD).stdin(tooBig).run("seal"), EXIT_INPUT, "xxxx");
    assertFailure(
        CliProcess.withPassword(PASSWORD).stdin(" \n ").run("unseal"), EXIT_INPUT, PASSWORD);
    assertFailure(CliProcess.withoutPassword().stdin("\n").run("inspect"), EXIT_INPUT, PASSWORD);
  }

  @Test
  void refusedTokens_exitWith5AndNameTheReason() {
    String token = seal(PASSWORD, SECRET_JSON);
    CliProcess.Result wrongPassword =
        CliProcess.withPassword(OTHER_PASSWORD).stdin(token).run("unseal");
    assertFailure(wrongPassword, EXIT_REFUSED, token);
    assertTrue(wrongPassword.stderr().contains("refused: BAD_MAC"), wrongPassword.stderr());
    assertFalse(wrongPassword.stderr().contains(OTHER_PASSWORD));

    String[] parts = token.split("\\*", -1);
    parts[4] =
        parts[4].substring(0, parts[4].length() - 2) + (parts[4].endsWith("AA") ? "BA" : "AA");
    String tampered = String.join("*", parts);
    CliProcess.Result altered = CliProcess.withPassword(PASSWORD).stdin(tampered).run("unseal");
    assertFailure(altered, EXIT_REFUSED, tampered);
    assertTrue(altered.stderr().contains("BAD_MAC"), altered.stderr());

    CliProcess.Result garbage =
        CliProcess.withPassword(PASSWORD).stdin("not-a-token").run("unseal");
    assertFailure(garbage, EXIT_REFUSED, "not-a-token");
    assertTrue(garbage.stderr().contains("WRONG_PART_COUNT"), garbage.stderr());

    CliProcess.Result notJson =
        CliProcess.withPassword(PASSWORD)
            .stdin(TrackerCookieCliTest.ironSeal(PASSWORD, SECRET_JSON + " trailing"))
            .run("unseal");
    assertFailure(notJson, EXIT_REFUSED, "alice");
    assertTrue(notJson.stderr().contains("refused: INVALID_JSON"), notJson.stderr());

    CliProcess.Result badPrefix =
        CliProcess.withoutPassword().stdin(token.replace("Fe26.2", "Fe26.1")).run("inspect");
    assertFailure(badPrefix, EXIT_REFUSED, token.substring(10));
    assertTrue(badPrefix.stderr().contains("WRONG_PREFIX"), badPrefix.stderr());
  }

  /** Seals through the CLI and returns the token. */
  private static String seal(String password, String json, String... options) {
    String[] args = new String[options.length + 1];
    args[0] = "seal";
    System.arraycopy(options, 0, args, 1, options.length);
    CliProcess.Result sealed = CliProcess.withPassword(password).stdin(json).run(args);
    assertEquals(EXIT_OK, sealed.exitCode(), sealed::toString);
    return sealed.line();
  }

  /** Every failure: its exit code, nothing on stdout, one stderr line without the given text. */
  private static void assertFailure(CliProcess.Result result, int exitCode, String mustNotAppear) {
    assertAll(
        () -> assertEquals(exitCode, result.exitCode(), result::toString),
        () -> assertEquals("", result.stdout(), "stdout must be empty on failure"),
        () -> assertTrue(result.stderr().startsWith("tracker-cookie: "), result.stderr()),
        () ->
            assertEquals(1, result.stderr().lines().count(), "one stderr line: " + result.stderr()),
        () ->
            assertFalse(
                result.stderr().contains(mustNotAppear), "stderr leaks: " + result.stderr()),
        () -> assertFalse(result.stderr().contains(PASSWORD), "stderr leaks the password"),
        () ->
            assertFalse(result.stderr().contains("alice-in-plaintext"), "stderr leaks plaintext"));
  }

  private static Instant expirationIn(String report) {
    Matcher m = Pattern.compile("expiration: (\\S+) ").matcher(report);
    assertTrue(m.find(), report);
    return Instant.parse(m.group(1));
  }

  private static JsonNode vectorCase(String file, String id) throws IOException {
    for (JsonNode c : readVectors(file).get("cases")) {
      if (id.equals(c.get("id").asText())) {
        return c;
      }
    }
    throw new AssertionError("no vector " + id + " in " + file);
  }

  private static JsonNode readVectors(String file) throws IOException {
    try (InputStream in = TrackerCookieCliIT.class.getResourceAsStream("/vectors/" + file)) {
      if (in == null) {
        throw new AssertionError("missing test resource /vectors/" + file);
      }
      return MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
