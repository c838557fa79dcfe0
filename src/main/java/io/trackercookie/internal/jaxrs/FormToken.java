package io.trackercookie.internal.jaxrs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The CSRF token's field in the start of an {@code application/x-www-form-urlencoded} body. Only
 * the first {@link #SCAN_BYTES} bytes are read (and given back to the resource unread): browsers
 * send fields in the order of the form, so a hidden field at its top comes first, and a large body
 * costs no memory here.
 */
final class FormToken {

  /** How much of a form body is looked at for the token. */
  static final int SCAN_BYTES = 64 * 1024;

  private FormToken() {}

  /**
   * The value of the first field named {@code field} among the complete fields of {@code body}'s
   * first {@code length} bytes, or null. When {@code complete} is false the body goes on past them,
   * so the last field, which may be cut, is ignored. A field that does not decode is ignored.
   */
  static String find(byte[] body, int length, boolean complete, String field) {
    // Form encoding is ASCII: a multi-byte character arrives percent-encoded.
    String text = new String(body, 0, length, StandardCharsets.ISO_8859_1);
    int end = complete ? text.length() : text.lastIndexOf('&');
    int start = 0;
    while (start < end) {
      int next = text.indexOf('&', start);
      if (next < 0 || next > end) {
        next = end;
      }
      String pair = text.substring(start, next);
      int equals = pair.indexOf('=');
      String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
      if (field.equals(name)) {
        String value = equals < 0 ? "" : decoded(pair.substring(equals + 1));
        if (value != null) {
          return value;
        }
      }
      start = next + 1;
    }
    return null;
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null; // a broken escape: not this field
    }
  }
}
