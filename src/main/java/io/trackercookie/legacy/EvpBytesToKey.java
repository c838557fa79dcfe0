package io.trackercookie.legacy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * OpenSSL's {@code EVP_BytesToKey} with MD5, no salt and one iteration: the key derivation behind
 * Node's deprecated {@code crypto.createCipher(algorithm, password)}. D1 = MD5(password), Di =
 * MD5(Di-1 || password); the concatenation is cut into the key and then the IV.
 */
final class EvpBytesToKey {

  private EvpBytesToKey() {}

  /** {@code keyBytes + ivBytes} bytes of derived material, key first. */
  static byte[] derive(byte[] password, int keyBytes, int ivBytes) {
    MessageDigest md5;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is required of every Java platform", e);
    }
    byte[] out = new byte[keyBytes + ivBytes];
    byte[] previous = new byte[0];
    int filled = 0;
    while (filled < out.length) {
      md5.update(previous);
      md5.update(password);
      previous = md5.digest();
      int n = Math.min(previous.length, out.length - filled);
      System.arraycopy(previous, 0, out, filled, n);
      filled += n;
    }
    Arrays.fill(previous, (byte) 0);
    return out;
  }
}
