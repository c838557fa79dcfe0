package io.trackercookie.legacy;

import java.util.Arrays;

/**
 * A strict RFC 8259 syntax check, without building anything: cookie-sessions ran {@code JSON.parse}
 * on what it decrypted, and this library's java.base-only packages have no JSON parser. Iterative
 * (a byte per open container), so deep nesting cannot overflow the stack.
 */
final class JsonSyntax {

  private static final byte OBJECT = 1;
  private static final byte ARRAY = 2;

  private final String text;
  private int pos;

  private JsonSyntax(String text) {
    this.text = text;
  }

  /** True when {@code text} is exactly one JSON value, optionally surrounded by whitespace. */
  static boolean isValid(String text) {
    try {
      return new JsonSyntax(text).check();
    } catch (IndexOutOfBoundsException e) {
      return false; // ran off the end inside a token
    }
  }

  private boolean check() {
    byte[] stack = new byte[16];
    int depth = 0;
    boolean expectValue = true;
    while (true) {
      skipWhitespace();
      if (expectValue) {
        char c = text.charAt(pos);
        if (c == '{' || c == '[') {
          pos++;
          if (depth == stack.length) {
            stack = Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c == '{' ? OBJECT : ARRAY;
          skipWhitespace();
          char close = c == '{' ? '}' : ']';
          if (text.charAt(pos) == close) {
            pos++;
            depth--;
            expectValue = false;
          } else if (c == '{' && !memberName()) {
            return false;
          }
          continue;
        }
        if (!scalar()) {
          return false;
        }
        expectValue = false;
        continue;
      }
      if (depth == 0) {
        return pos == text.length();
      }
      if (pos == text.length()) {
        return false;
      }
      char c = text.charAt(pos++);
      if (c == ',') {
        if (stack[depth - 1] == OBJECT) {
          skipWhitespace();
          if (!memberName()) {
            return false;
          }
        }
        expectValue = true;
      } else if ((c == '}' && stack[depth - 1] == OBJECT)
          || (c == ']' && stack[depth - 1] == ARRAY)) {
        depth--;
      } else {
        return false;
      }
    }
  }

  /** A string, whitespace and a colon. */
  private boolean memberName() {
    if (text.charAt(pos) != '"' || !string()) {
      return false;
    }
    skipWhitespace();
    return text.charAt(pos++) == ':';
  }

  private boolean scalar() {
    char c = text.charAt(pos);
    switch (c) {
      case '"':
        return string();
      case 't':
        return literal("true");
      case 'f':
        return literal("false");
      case 'n':
        return literal("null");
      default:
        return number();
    }
  }

  private boolean literal(String word) {
    if (text.startsWith(word, pos)) {
      pos += word.length();
      return true;
    }
    return false;
  }

  private boolean string() {
    pos++; // opening quote
    while (true) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return true;
      }
      if (c < 0x20) {
        return false;
      }
      if (c == '\\') {
        char e = text.charAt(pos++);
        if (e == 'u') {
          for (int i = 0; i < 4; i++) {
            if (!LegacySessionDecoder.isHexDigit(text.charAt(pos++), true)) {
              return false;
            }
          }
        } else if ("\"\\/bfnrt".indexOf(e) < 0) {
          return false;
        }
      }
    }
  }

  private boolean number() {
    if (text.charAt(pos) == '-') {
      pos++;
    }
    if (text.charAt(pos) == '0') {
      pos++;
    } else if (!digits()) {
      return false;
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (!digits()) {
        return false;
      }
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      return digits();
    }
    return true;
  }

  /** One or more ASCII digits. */
  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}
