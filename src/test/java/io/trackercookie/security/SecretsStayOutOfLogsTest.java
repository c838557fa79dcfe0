package io.trackercookie.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trackercookie.RawHttp;
import io.trackercookie.RejectionReason;
import io.trackercookie.TestConfigs;
import io.trackercookie.TestServer;
import io.trackercookie.TrackerConfig;
import io.trackercookie.TrackerListener;
import io.trackercookie.iron.IronCodec;
import io.trackercookie.iron.IronException;
import io.trackercookie.iron.IronOptions;
import io.trackercookie.iron.IronPasswords;
import io.trackercookie.iron.IronSecret;
import io.trackercookie.iron.SealParts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Everything a run logs (java.util.logging from the root at ALL, and System.err), with valid,
 * tampered, foreign and garbage cookies and a listener that throws, holds no password, no derived
 * key, no cookie value and no plaintext. And every toString that could hold a secret hides it.
 */
class SecretsStayOutOfLogsTest {

  private static final String NAME = "persistent-information";
  private static final String MARKER = "plaintext-marker-Kv73";
  private static final String RAW_KEY_TEXT = "raw-key-bytes-that-must-never-show-0123456789";

  /** Everything published to the root logger, formatted as a console would print it. */
  private static final class Capture extends Handler {
    final StringBuilder text = new StringBuilder();
    final SimpleFormatter formatter = new SimpleFormatter();

    @Override
    public synchronized void publish(LogRecord record) {
      text.append(formatter.format(record));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          text.append(' ').append(parameter);
        }
      }
      text.append('\n');
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void aRunWithValidAndTamperedCookies_logsNoSecretCookieOrPlaintext() throws Exception {
    Logger root = Logger.getLogger("");
    Level previous = root.getLevel();
    Capture capture = new Capture();
    capture.setLevel(Level.ALL);
    PrintStream previousErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> cookies = new ArrayList<>();
    root.setLevel(Level.ALL);
    root.addHandler(capture);
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int records;
    try {
      TrackerConfig config =
          TestConfigs.builder()
              .listener(
                  new TrackerListener() {
                    @Override
                    public void cookieRejected(RejectionReason reason) {
                      throw new IllegalStateException("listener failure " + reason);
                    }
                  })
              .build();
      try (TestServer server = new TestServer(() -> TestConfigs.app(config))) {
        String good = server.get("/put?k=secret&v=" + MARKER).cookieValue(NAME);
        cookies.add(good);
        assertEquals(
            "{\"secret\":\"" + MARKER + "\"}",
            server.get("/read", "Cookie: " + NAME + "=" + good).body());
        String tampered =
            good.substring(0, good.length() - 2) + (good.endsWith("AA") ? "BB" : "AA");
        String foreign =
            TestConfigs.seal(TestConfigs.OTHER_PASSWORD, "\"{\\\"s\\\":\\\"" + MARKER + "\\\"}\"");
        String notJson = TestConfigs.seal(TestConfigs.PASSWORD, MARKER);
        String garbage = "Fe26.2**" + MARKER + "*x*y**z*w";
        cookies.addAll(List.of(tampered, foreign, notJson, garbage));
        for (String cookie : List.of(tampered, foreign, notJson, garbage)) {
          RawHttp.Response response = server.get("/read", "Cookie: " + NAME + "=" + cookie);
          assertEquals(200, response.status());
          assertEquals("{}", response.body());
        }
        // A value too large to seal, and an application bug (reading the tracker as a type it
        // does not fit: Jersey logs the exception and answers 500) pass through the log paths.
        assertEquals(413, server.get("/big?n=5000").status());
        String misfit =
            TestConfigs.seal(TestConfigs.PASSWORD, "\"{\\\"count\\\":\\\"" + MARKER + "\\\"}\"");
        cookies.add(misfit);
        assertEquals(500, server.get("/visit/as", "Cookie: " + NAME + "=" + misfit).status());
      }
    } finally {
      System.setErr(previousErr);
      root.removeHandler(capture);
      root.setLevel(previous);
    }
    String logged = capture.text + "\n" + err.toString(StandardCharsets.UTF_8);
    assertTrue(logged.contains("BAD_MAC"), "the capture did see the library's rejections");
    assertTrue(logged.contains("A TrackerListener threw"), "and the failing listener");
    assertTrue(logged.contains("cannot be read as"), "and the application's failed conversion");

    List<String> forbidden = new ArrayList<>();
    forbidden.add(TestConfigs.PASSWORD);
    forbidden.add(TestConfigs.OTHER_PASSWORD);
    forbidden.add(MARKER);
    for (String cookie : cookies) {
      forbidden.add(cookie);
      if (cookie.startsWith("Fe26.2**") && cookie.split("\\*", -1)[4].length() > 12) {
        SealParts parts = SealParts.parse(cookie);
        forbidden.add(parts.encryptedB64());
        forbidden.add(parts.hmac());
        for (String salt : List.of(parts.encryptionSalt(), parts.hmacSalt())) {
          if (salt.length() > 8) {
            forbidden.addAll(encodings(pbkdf2(TestConfigs.PASSWORD, salt)));
          }
        }
      }
    }
    for (String secret : forbidden) {
      assertFalse(logged.contains(secret), "the log holds a secret, cookie part or plaintext");
    }
  }

  @Test
  void toStrings_neverShowSecrets() {
    IronSecret rawKey = IronSecret.rawKey(RAW_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));
    IronPasswords keyring =
        IronPasswords.builder()
            .current("k2", TestConfigs.PASSWORD)
            .accept(
                "k1", IronSecret.separate(IronSecret.password(TestConfigs.OTHER_PASSWORD), rawKey))
            .build();
    IronCodec codec = IronCodec.create(keyring, IronOptions.defaults());
    String sealed = codec.seal(MARKER);
    List<Object> objects =
        List.of(
            TestConfigs.builder().build(),
            TrackerConfig.builder().passwords(keyring).legacySecret(RAW_KEY_TEXT).build(),
            codec,
            keyring,
            IronPasswords.single(TestConfigs.PASSWORD),
            IronSecret.password(TestConfigs.PASSWORD),
            rawKey,
            codec.open(sealed),
            SealParts.parse(sealed));
    String hexKey = HexFormat.of().formatHex(RAW_KEY_TEXT.getBytes(StandardCharsets.US_ASCII));
    for (Object object : objects) {
      String text = object.toString();
      for (String secret :
          List.of(
              TestConfigs.PASSWORD,
              TestConfigs.OTHER_PASSWORD,
              RAW_KEY_TEXT,
              hexKey,
              MARKER,
              sealed)) {
        assertFalse(text.contains(secret), object.getClass().getSimpleName() + " shows a secret");
      }
      for (String part : sealed.split("\\*")) {
        if (part.length() > 12) {
          assertFalse(
              text.contains(part), object.getClass().getSimpleName() + " shows a seal part");
        }
      }
    }
  }

  @Test
  void ironExceptionMessages_neverQuoteTheSealOrPlaintext() {
    IronCodec codec = IronCodec.create(TestConfigs.PASSWORD);
    String sealed = codec.seal(MARKER);
    String tampered = sealed.substring(0, sealed.length() - 1) + (sealed.endsWith("A") ? "B" : "A");
    for (String bad :
        List.of(tampered, sealed + "*", "x" + sealed, MARKER, sealed.replace("Fe26.2", "Fe26.1"))) {
      IronException e = assertThrows(IronException.class, () -> codec.open(bad));
      assertFalse(e.getMessage().contains(MARKER), e.reason().name());
      for (String part : sealed.split("\\*")) {
        if (part.length() > 12) {
          assertFalse(e.getMessage().contains(part), e.reason() + " quotes a seal part");
        }
      }
      assertFalse(e.getMessage().contains(TestConfigs.PASSWORD), e.reason().name());
    }
  }

  /** iron's key derivation: PBKDF2-HMAC-SHA1, one iteration, the salt's hex text as the salt. */
  private static byte[] pbkdf2(String password, String salt) throws GeneralSecurityException {
    PBEKeySpec spec =
        new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 1, 256);
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA1").generateSecret(spec).getEncoded();
  }

  private static List<String> encodings(byte[] key) {
    String hex = HexFormat.of().formatHex(key);
    return List.of(
        hex,
        hex.toUpperCase(Locale.ROOT),
        Base64.getEncoder().encodeToString(key),
        Base64.getUrlEncoder().withoutPadding().encodeToString(key),
        java.util.Arrays.toString(key));
  }
}
