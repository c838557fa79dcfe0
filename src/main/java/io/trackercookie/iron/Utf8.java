package io.trackercookie.iron;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * UTF-8 for this library: the writer the codec seals with, as Node's {@code Buffer.from(string,
 * 'utf8')} writes it, and the one strict reader that the codec, the legacy decoder and the
 * command-line tool all decode with.
 */
public final class Utf8 {

  /** U+FFFD in UTF-8: what Node writes for a lone surrogate (Java's getBytes writes '?'). */
  private static final byte[] REPLACEMENT = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

  private Utf8() {}

  static byte[] encode(String text) {
    return encodeWithText(text).bytes();
  }

  /**
   * Text's UTF-8 as {@link #encode} writes it, and the text that decoding those bytes gives back.
   */
  // A carrier from encoding to sealing, never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
  record Encoded(byte[] bytes, String decodesTo) {}

  /**
   * As {@link #encode}, and says what the bytes decode to: the text, with U+FFFD for lone
   * surrogates.
   */
  static Encoded encodeWithText(String text) {
    // The JDK writes '?' for a lone surrogate, so bytes without '?' need no scan of the text: a
    // byte loop is several times cheaper than the per-char surrogate check the profile showed.
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (indexOfQuestionMark(bytes) < 0 || !hasLoneSurrogate(text)) {
      return new Encoded(bytes, text);
    }
    byte[] replaced = encodeReplacingLoneSurrogates(text);
    return new Encoded(replaced, new String(replaced, StandardCharsets.UTF_8));
  }

  private static byte[] encodeReplacingLoneSurrogates(String text) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(REPLACEMENT);
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
      return Arrays.copyOfRange(buffer.array(), buffer.arrayOffset(), buffer.limit());
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("A replacing encoder cannot fail", e);
    }
  }

  /**
   * Decodes well-formed UTF-8 only: no malformed or truncated sequence, no overlong form, no
   * encoded surrogate. A U+FFFD in the text is kept when the bytes spell it.
   *
   * @throws CharacterCodingException if the bytes are not well-formed UTF-8
   */
  public static String decodeStrict(byte[] bytes) throws CharacterCodingException {
    // The JDK's UTF-8 decoding writes U+FFFD for every malformed sequence (overlong forms and
    // encoded surrogates included), so text without U+FFFD came from valid bytes. This path
    // allocates only the String; for Latin-1 text the indexOf answers without scanning.
    String lenient = new String(bytes, StandardCharsets.UTF_8);
    if (lenient.indexOf('\uFFFD') < 0) {
      return lenient;
    }
    // A U+FFFD may also be real text: only the strict decoder can tell.
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return decoder.decode(ByteBuffer.wrap(bytes)).toString();
  }

  private static int indexOfQuestionMark(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '?') {
        return i;
      }
    }
    return -1;
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          return true;
        }
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
