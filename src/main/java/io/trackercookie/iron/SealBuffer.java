package io.trackercookie.iron;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A seal being written, as bytes: every part of a seal is ASCII (base64url, hex, digits, a {@code
 * \w+} password id), so its chars are its bytes. The MAC is computed over the first six parts where
 * they lie, and the String is made once, at the end. One buffer per {@link CryptoContext}, reused
 * from seal to seal.
 */
final class SealBuffer {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private static final int INITIAL_BYTES = 512;

  /** A buffer grown past this by an unusually large seal is not kept for the next one. */
  private static final int MAX_KEPT_BYTES = 16 * 1024;

  private byte[] bytes = new byte[INITIAL_BYTES];
  private byte[] scratch = new byte[INITIAL_BYTES];
  private int length;

  SealBuffer clear() {
    if (bytes.length > MAX_KEPT_BYTES) {
      bytes = new byte[INITIAL_BYTES];
      scratch = new byte[INITIAL_BYTES];
    }
    length = 0;
    return this;
  }

  int length() {
    return length;
  }

  /** The buffer itself, valid up to {@link #length()}; for the MAC, never handed out further. */
  byte[] bytes() {
    return bytes;
  }

  SealBuffer append(char ascii) {
    ensureRoom(1);
    bytes[length++] = (byte) ascii;
    return this;
  }

  SealBuffer append(String ascii) {
    int n = ascii.length();
    ensureRoom(n);
    for (int i = 0; i < n; i++) {
      bytes[length + i] = (byte) ascii.charAt(i);
    }
    length += n;
    return this;
  }

  SealBuffer append(long nonNegative) {
    return append(Long.toString(nonNegative));
  }

  /** Unpadded base64url, as iron writes every binary part. */
  SealBuffer appendBase64Url(byte[] data) {
    // The JDK's encoder (vectorised on x86) writes from the start of an array: encode into the
    // scratch array, then copy, which is still faster than a loop here.
    int encodedLength = (data.length * 4 + 2) / 3;
    if (scratch.length < encodedLength) {
      scratch = new byte[Math.max(encodedLength, scratch.length * 2)];
    }
    int written = BASE64URL.encode(data, scratch);
    ensureRoom(written);
    System.arraycopy(scratch, 0, bytes, length, written);
    length += written;
    return this;
  }

  private void ensureRoom(int more) {
    if (length + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
    }
  }

  /** The seal as text: one copy of its bytes (compact strings keep ASCII as bytes). */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
  }
}
