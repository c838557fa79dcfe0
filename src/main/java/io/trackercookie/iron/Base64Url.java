package io.trackercookie.iron;

import java.util.Base64;

/** Unpadded base64url, read strictly. */
final class Base64Url {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Base64Url() {}

  static String encode(byte[] bytes) {
    return ENCODER.encodeToString(bytes);
  }

  /**
   * Decodes canonical unpadded base64url only. iron is laxer (a dangling last character, unused
   * bits set), but the MAC already covers these parts, so a non-canonical form can only come from a
   * writer that is not iron: refusing it keeps one spelling per seal.
   */
  static byte[] decodeStrict(String text) {
    int length = text.length();
    // The JDK decoder refuses every character outside the alphabet but accepts '=' padding, and
    // scans far faster than a loop here: let it check the alphabet once padding is ruled out.
    if (length % 4 == 1 || text.indexOf('=') >= 0) {
      throw new IronException(IronException.Reason.INVALID_BASE64);
    }
    if (length == 0) {
      return new byte[0];
    }
    // Bits below the last full byte must be zero: 4 unused bits after 2 chars, 2 after 3.
    int unusedBitsMask =
        switch (length % 4) {
          case 2 -> 0x0F;
          case 3 -> 0x03;
          default -> 0;
        };
    int lastValue = valueOf(text.charAt(length - 1));
    if (lastValue < 0 || (lastValue & unusedBitsMask) != 0) {
      throw new IronException(IronException.Reason.INVALID_BASE64);
    }
    try {
      return DECODER.decode(text);
    } catch (IllegalArgumentException e) {
      throw new IronException(IronException.Reason.INVALID_BASE64);
    }
  }

  private static int valueOf(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }
}
