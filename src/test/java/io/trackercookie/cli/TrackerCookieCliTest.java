package io.trackercookie.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The CLI run in-process, for what a real process cannot set up: a fixed clock, a broken stdout.
 */
class TrackerCookieCliTest {

  private static final String PASSWORD = "in-process-cli-password-long-enough-0123456789";
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private record Run(int exitCode, String stdout, String stderr) {}

  private static Run run(String password, String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env =
        password == null ? Map.of() : Map.of(TrackerCookieCli.PASSWORD_ENV, password);
    int code =
        TrackerCookieCli.run(
            args,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            out,
            err,
            env,
            CLOCK);
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static String sealExpiringAt(Instant sealedAt, Duration ttl) {
    IronOptions options =
        IronOptions.builder().ttl(ttl).clock(Clock.fixed(sealedAt, ZoneOffset.UTC)).build();
    return IronCodec.create(IronPasswords.single(PASSWORD), options).seal("{\"a\":1}");
  }

  /** A seal of any plaintext, as another iron implementation could make it. */
  static String ironSeal(String password, String plaintext) {
    return IronCodec.create(IronPasswords.single(password), IronOptions.defaults()).seal(plaintext);
  }

  @Test
  void unseal_refusesPlaintextThatIronRefuses_withTheReason_andRawPrintsItAsItIs() {
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("\uFEFF{\"secret\":1}", "INVALID_JSON");
    refused.put("{\"secret\":1} trailing", "INVALID_JSON");
    refused.put("{\"secret\":1}{}", "INVALID_JSON");
    refused.put("{\"secret\":NaN}", "INVALID_JSON");
    refused.put("/* secret */ {}", "INVALID_JSON");
    refused.put("{\"secret\":1} // c", "INVALID_JSON");
    refused.put("{'secret':1}", "INVALID_JSON");
    refused.put("", "INVALID_JSON");
    refused.put(" \n", "INVALID_JSON");
    refused.put("{\"__proto__\":{\"secret\":1}}", "FORBIDDEN_KEY");
    refused.put("{\"a\":[{\"__pro\\u0074o__\":\"secret\"}]}", "FORBIDDEN_KEY");
    refused.put("\"{\\\"__proto__\\\":\\\"secret\\\"}\"", "FORBIDDEN_KEY");
    for (Map.Entry<String, String> entry : refused.entrySet()) {
      String token = ironSeal(PASSWORD, entry.getKey());
      Run opened = run(PASSWORD, token, "unseal");
      assertEquals(TrackerCookieCli.EXIT_REFUSED, opened.exitCode(), entry.getKey());
      assertEquals("", opened.stdout(), entry.getKey());
      assertTrue(
          opened.stderr().startsWith("tracker-cookie: refused: " + entry.getValue() + " \u2014 "),
          opened.stderr());
      assertFalse(opened.stderr().contains("secret"), "no plaintext: " + opened.stderr());
      assertEquals(1, opened.stderr().lines().count(), opened.stderr());

      Run raw = run(PASSWORD, token, "unseal", "--raw");
      assertEquals(TrackerCookieCli.EXIT_OK, raw.exitCode(), raw.stderr());
      assertEquals(entry.getKey() + "\n", raw.stdout());
    }
  }

  @Test
  void unseal_printsWhatIronAccepts_compact_andUnwrapsTheTrackerCookieLayout() {
    Map<String, String> accepted = new LinkedHashMap<>();
    accepted.put(" {\"a\" : 1, \"a\": 2}\n", "{\"a\":1,\"a\":2}"); // JSON.parse: the last wins
    accepted.put("[1, \"x\"]", "[1,\"x\"]");
    accepted.put("\"just a string\"", "\"just a string\"");
    accepted.put("\"{\\\"user\\\": \\\"bob\\\"}\"", "{\"user\":\"bob\"}");
    accepted.put("\"{\\\"a\\\":1} trailing\"", "\"{\\\"a\\\":1} trailing\"");
    accepted.put("\"\\ud800\"", "\"\\ud800\"");
    accepted.put("{\"__proto\":1,\"_proto__\":2}", "{\"__proto\":1,\"_proto__\":2}");
    for (Map.Entry<String, String> entry : accepted.entrySet()) {
      Run opened = run(PASSWORD, ironSeal(PASSWORD, entry.getKey()), "unseal");
      assertEquals(TrackerCookieCli.EXIT_OK, opened.exitCode(), opened.stderr());
      assertEquals(entry.getValue() + "\n", opened.stdout(), entry.getKey());
    }
  }

  @Test
  void unseal_readsIronSessionsSuffixedSeal_andOnlyThatExactSuffix() {
    String seal =
        IronCodec.create(
                IronPasswords.builder().current("1", PASSWORD).build(), IronOptions.defaults())
            .seal("{\"user\":\"carol\"}");
    Run opened = run(PASSWORD, seal + "~2", "unseal");
    assertEquals(TrackerCookieCli.EXIT_OK, opened.exitCode(), opened.stderr());
    assertEquals("{\"user\":\"carol\"}\n", opened.stdout());
    assertEquals(TrackerCookieCli.EXIT_REFUSED, run(PASSWORD, seal + "~3", "unseal").exitCode());
  }

  @Test
  void inspect_readsIronSessionsSuffixedSeal_asUnsealDoes() {
    String seal =
        IronCodec.create(
                IronPasswords.builder().current("1", PASSWORD).build(), IronOptions.defaults())
            .seal("{\"user\":\"carol\"}");
    Run report = run(PASSWORD, seal + "~2", "inspect");
    assertEquals(TrackerCookieCli.EXIT_OK, report.exitCode(), report.stderr());
    assertTrue(report.stdout().contains("password id: 1\n"), report.stdout());
    assertTrue(report.stdout().contains("mac: holds"), report.stdout());
    assertTrue(report.stdout().contains("verdict: accepted"), report.stdout());
    Run other = run(PASSWORD, seal + "~3", "inspect");
    assertTrue(other.stdout().contains("mac: does not hold: BAD_MAC"), other.stdout());
  }

  @Test
  void inspect_expirationWithinIronsClockSkew_isPassedButStillAccepted() {
    String token = sealExpiringAt(NOW.minusSeconds(40), Duration.ofSeconds(10)); // expired 30 s ago
    Run report = run(PASSWORD, token, "inspect");
    assertEquals(TrackerCookieCli.EXIT_OK, report.exitCode());
    assertTrue(
        report.stdout().contains("expiration: 2026-01-01T11:59:30Z (passed, but within the 60 s"),
        report.stdout());
    assertTrue(report.stdout().contains("mac: holds"), report.stdout());
    assertTrue(report.stdout().contains("verdict: accepted"), report.stdout());
  }

  @Test
  void inspect_withoutPassword_callsATokenPastTheSkewRefused() {
    String token = sealExpiringAt(NOW.minusSeconds(120), Duration.ofSeconds(10));
    Run report = run(null, token, "inspect");
    assertTrue(
        report.stdout().contains("expiration: 2026-01-01T11:58:10Z (passed)\n"), report.stdout());
    assertTrue(report.stdout().contains("verdict: refused: EXPIRED"), report.stdout());
  }

  @Test
  void inspect_doesNotEchoUntrustedIdOrExpirationText() {
    String[] parts = IronCodec.create(PASSWORD).seal("{}").split("\\*", -1);
    parts[1] = "\u001b]0;owned\u0007";
    parts[5] = "12\u001b[2Jab";
    Run report = run(PASSWORD, String.join("*", parts), "inspect");
    assertEquals(TrackerCookieCli.EXIT_OK, report.exitCode(), report.stderr());
    assertFalse(report.stdout().contains("\u001b"), "no terminal escape reaches stdout");
    assertTrue(report.stdout().contains("password id: invalid (10 characters"), report.stdout());
    assertTrue(report.stdout().contains("expiration: invalid (8 characters"), report.stdout());
    assertTrue(report.stdout().contains("mac: not checked: INVALID_EXPIRATION"), report.stdout());
  }

  @Test
  void inspect_macHeldButPaddingBroken_saysTheContentDoesNotOpen() throws IOException {
    JsonNode vector = invalidVector("i-padding-corrupted-valid-mac");
    Run report = run(vector.get("password").asText(), vector.get("sealed").asText(), "inspect");
    assertEquals(TrackerCookieCli.EXIT_OK, report.exitCode());
    assertTrue(
        report.stdout().contains("mac: holds, but the content does not open: DECRYPTION_FAILED"),
        report.stdout());
    assertTrue(report.stdout().contains("verdict: refused: DECRYPTION_FAILED"), report.stdout());

    Run unseal = run(vector.get("password").asText(), vector.get("sealed").asText(), "unseal");
    assertEquals(TrackerCookieCli.EXIT_REFUSED, unseal.exitCode());
    assertTrue(unseal.stderr().contains("DECRYPTION_FAILED"), unseal.stderr());
    assertEquals("", unseal.stdout());
  }

  @Test
  void seal_withTtl_writesTheExpirationFromTheClock() {
    Run sealed = run(PASSWORD, "{}", "seal", "--ttl", "1500");
    Run report = run(null, sealed.stdout(), "inspect");
    assertTrue(
        report.stdout().contains("expiration: 2026-01-01T12:00:01.500Z (not yet passed)"),
        report.stdout());
  }

  @Test
  void unwritableStdout_exitsWith1AndSaysSo() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    OutputStream broken =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("closed pipe");
          }
        };
    int code =
        TrackerCookieCli.run(
            new String[] {"keygen"}, InputStream.nullInputStream(), broken, err, Map.of());
    assertEquals(TrackerCookieCli.EXIT_INTERNAL, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to stdout"));
  }

  @Test
  void seal_withPasswordIdDefault_writesNoId_asIronReadsBothTheSame() {
    Run sealed = run(PASSWORD, "{}", "seal", "--password-id", "default");
    assertEquals(TrackerCookieCli.EXIT_OK, sealed.exitCode(), sealed.stderr());
    assertTrue(sealed.stdout().startsWith("Fe26.2**"), sealed.stdout());
    assertEquals("{}", IronCodec.create(PASSWORD).unseal(sealed.stdout().strip()));
  }

  private static JsonNode invalidVector(String id) throws IOException {
    try (InputStream in =
        TrackerCookieCliTest.class.getResourceAsStream("/vectors/iron-invalid.json")) {
      for (JsonNode c : new ObjectMapper().readTree(in).get("cases")) {
        if (id.equals(c.get("id").asText())) {
          return c;
        }
      }
    }
    throw new AssertionError("no vector " + id);
  }
}
