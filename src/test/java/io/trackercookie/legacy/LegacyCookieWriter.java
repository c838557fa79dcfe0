package io.trackercookie.legacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-only writer of cookie-sessions 0.0.2 cookies, as the package's serialize() wrote them. The
 * library never writes this format; tests need it to build tampered and re-signed cookies. Checked
 * against the npm-generated vectors byte for byte (createCipher's IV is fixed per secret, so the
 * output is deterministic).
 */
public final class LegacyCookieWriter {

  private LegacyCookieWriter() {}

  /** hmac(40 hex) + timestamp + hex(AES-192-CBC(plaintext)). */
  public static String write(String secret, long timestampMillis, String plaintext) {
    return write(secret, timestampMillis, plaintext.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #write(String, long, String)}, with arbitrary plaintext bytes. */
  public static String write(String secret, long timestampMillis, byte[] plaintext) {
    return sign(secret, Long.toString(timestampMillis), encryptHex(secret, plaintext));
  }

  /** Hex of AES-192-CBC/PKCS#7 with createCipher's key and IV. */
  public static String encryptHex(String secret, byte[] plaintext) {
    byte[] material = EvpBytesToKey.derive(secret.getBytes(StandardCharsets.UTF_8), 24, 16);
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(material, 0, 24, "AES"),
          new IvParameterSpec(material, 24, 16));
      return HexFormat.of().formatHex(cipher.doFinal(plaintext));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The package's hmac_signature over {@code timestampText + dataText}, prefixed: lets tests
   * re-sign arbitrary (even malformed) fields, as the vectors' "resign" cases do.
   */
  public static String sign(String secret, String timestampText, String dataText) {
    return hmacHex(secret, timestampText + dataText) + timestampText + dataText;
  }

  public static String hmacHex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
