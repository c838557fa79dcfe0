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
