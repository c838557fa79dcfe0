package io.trackercookie.legacy;

import java.nio.charset.StandardCharsets;
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
final class LegacyCookieWriter {

  private LegacyCookieWriter() {}

  /** hmac(40 hex) + timestamp + hex(AES-192-CBC(plaintext)). */
  static String write(String secret, long timestampMillis, String plaintext) {
    return sign(secret, Long.toString(timestampMillis), encryptHex(secret, plaintext.getBytes(StandardCharsets.UTF_8)));
  }

  /** Hex of AES-192-CBC/PKCS#7 with createCipher's key and IV. */
  static String encryptHex(String secret, byte[] plaintext) {
    byte[] material = EvpBytesToKey.derive(secret.getBytes(StandardCharsets.UTF_8), 24, 16);
    try {
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(material, 0, 24, "AES"),
          new IvParameterSpec(material, 24, 16));
      return HexFormat.of().formatHex(cipher.doFinal(plaintext));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The package's hmac_signature over {@code timestampText + dataText}, prefixed: lets tests re-sign
   * arbitrary (even malformed) fields, as the vectors' "resign" cases do.
   */
  static String sign(String secret, String timestampText, String dataText) {
    return hmacHex(secret, timestampText + dataText) + timestampText + dataText;
  }

  static String hmacHex(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
