package io.trackercookie.json;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A strict RFC 8259 JSON validator that also removes insignificant whitespace, so the CLI seals
 * what Node's {@code JSON.stringify} would: compact JSON. The legacy cookie reader uses it too, to
 * refuse content the Node package's {@code JSON.parse} would have refused. java.base only, for the
 * packages that must run without Jackson. Strings and numbers are copied verbatim (no re-escaping,
 * no number normalisation), so the sealed text is the input minus its layout.
 *
 * <p>Beyond the grammar it refuses, as interoperability hazards: names repeated within one object
 * (compared after unescaping; RFC 8259 calls their behaviour unpredictable) and nesting deeper than
 * {@value #MAX_DEPTH}. Error messages give a position, never the input text.
 */
public final class StrictJson {

  /** Deeper documents are refused: no cookie needs them, and recursion needs a bound. */
  public static final int MAX_DEPTH = 256;

  private final String text;
  private final StringBuilder out;
  private int pos;
  private boolean allowRepeatedNames;
  private @Nullable String watchedName; // null: none
  private boolean watchedNameSeen;

  private StrictJson(String text) {
    this.text = text;
    this.out = new StringBuilder(text.length());
  }

  /** Thrown for text that is not one strict JSON value. The message names a position only. */
  public static final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    JsonSyntaxException(String message) {
      super(message);
    }
  }

  /**
   * Validates one JSON value (surrounded by optional whitespace) and returns it without
   * insignificant whitespace.
   *
   * @throws JsonSyntaxException if the text is not exactly one valid JSON value
   */
  public static String minify(String text) throws JsonSyntaxException {
    return parse(new StrictJson(text)).out.toString();
  }

  /**
   * As {@link #minify}, but with JavaScript's {@code JSON.parse} view of repeated names within one
   * object: allowed (the last one wins there). What {@code JSON.parse} refuses is refused: a byte
   * order mark, text after the value, comments, {@code NaN}, an empty text.
   *
   * @throws JsonSyntaxException if the text is not exactly one valid JSON value
   */
  public static String minifyAllowingRepeatedNames(String text) throws JsonSyntaxException {
    StrictJson parser = new StrictJson(text);
    parser.allowRepeatedNames = true;
    return parse(parser).out.toString();
  }

  /**
   * Whether an object anywhere in this JSON text has a member of this name, compared after
   * unescaping, so a name spelled with escapes counts too. Repeated names are allowed here.
   *
   * @throws JsonSyntaxException if the text is not exactly one valid JSON value
   */
  public static boolean hasMemberName(String text, String name) throws JsonSyntaxException {
    StrictJson parser = new StrictJson(text);
    parser.allowRepeatedNames = true;
    parser.watchedName = name;
    return parse(parser).watchedNameSeen;
  }

  private static StrictJson parse(StrictJson parser) throws JsonSyntaxException {
    String text = parser.text;
    parser.skipWhitespace();
    if (parser.pos == text.length()) {
      throw new JsonSyntaxException("no JSON value (the input is empty or only whitespace)");
    }
    parser.value(0);
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the JSON value");
    }
    return parser;
  }

  /** True if the text is exactly one strict JSON value (see {@link #minify}). */
  public static boolean isValid(String text) {
    try {
      minify(text);
      return true;
    } catch (JsonSyntaxException e) {
      return false;
    }
  }

  /**
   * The JSON string literal holding this text, as {@code JSON.stringify(string)} writes it for text
   * without control characters or lone surrogates (which compact JSON never has): only {@code "}
   * and {@code \} are escaped.
   */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 16).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /**
   * The content of a JSON text that is one string literal (optionally surrounded by whitespace).
   *
   * @throws JsonSyntaxException if the text is not one string, or the string holds a lone surrogate
   *     (which could not be printed as UTF-8)
   */
  public static String unquote(String text) throws JsonSyntaxException {
    StrictJson parser = new StrictJson(text);
    parser.skipWhitespace();
    if (parser.pos == text.length() || text.charAt(parser.pos) != '"') {
      throw parser.error("expected a JSON string");
    }
    String content = parser.string();
    parser.skipWhitespace();
    if (parser.pos != text.length()) {
      throw parser.error("unexpected text after the JSON string");
    }
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < content.length()
          && Character.isLowSurrogate(content.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new JsonSyntaxException("the JSON string holds a lone surrogate escape");
      }
    }
    return content;
  }

  private void value(int depth) throws JsonSyntaxException {
    if (pos == text.length()) {
      throw error("unexpected end of input, expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw error("unexpected character, expected a value");
        }
      }
    }
  }

  private void object(int depth) throws JsonSyntaxException {
    checkDepth(depth);
    expect('{');
    skipWhitespace();
    if (peek() == '}') {
      expect('}');
      return;
    }
    Set<String> names = new HashSet<>();
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a string as object member name");
      }
      int namePos = pos;
      String name = string();
      if (name.equals(watchedName)) {
        watchedNameSeen = true;
      }
      if (!names.add(name) && !allowRepeatedNames) {
        pos = namePos;
        throw error("duplicate object member name");
      }
      skipWhitespace();
      expect(':');
      skipWhitespace();
      value(depth);
      skipWhitespace();
      if (peek() == ',') {
        expect(',');
      } else if (peek() == '}') {
        expect('}');
        return;
      } else {
        throw error("expected ',' or '}' in object");
      }
    }
  }

  private void array(int depth) throws JsonSyntaxException {
    checkDepth(depth);
    expect('[');
    skipWhitespace();
    if (peek() == ']') {
      expect(']');
      return;
    }
    while (true) {
      skipWhitespace();
      value(depth);
      skipWhitespace();
      if (peek() == ',') {
        expect(',');
      } else if (peek() == ']') {
        expect(']');
        return;
      } else {
        throw error("expected ',' or ']' in array");
      }
    }
  }

  /** Copies a string literal verbatim to the output and returns its unescaped content. */
  private String string() throws JsonSyntaxException {
    int start = pos;
    pos++; // opening quote
    StringBuilder content = new StringBuilder();
    while (true) {
      if (pos == text.length()) {
        pos = start;
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c < 0x20) {
        throw error("unescaped control character in string");
      }
      if (c == '\\') {
        pos++;
        if (pos == text.length()) {
          pos = start;
          throw error("unterminated string");
        }
        char e = text.charAt(pos);
        switch (e) {
          case '"', '\\', '/' -> content.append(e);
          case 'b' -> content.append('\b');
          case 'f' -> content.append('\f');
          case 'n' -> content.append('\n');
          case 'r' -> content.append('\r');
          case 't' -> content.append('\t');
          case 'u' -> {
            if (pos + 4 >= text.length()) {
              throw error("incomplete \\u escape");
            }
            int code = 0;
            for (int i = 1; i <= 4; i++) {
              int digit = hexDigit(text.charAt(pos + i));
              if (digit < 0) {
                throw error("invalid \\u escape");
              }
              code = code * 16 + digit;
            }
            content.append((char) code);
            pos += 4;
          }
          default -> throw error("invalid escape in string");
        }
        pos++;
      } else {
        content.append(c);
        pos++;
      }
    }
    out.append(text, start, pos);
    return content.toString();
  }

  private void number() throws JsonSyntaxException {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw error("leading zero in number");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw error("expected a digit in number");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw error("expected a digit after the decimal point");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw error("expected a digit in the exponent");
      }
      digits();
    }
    out.append(text, start, pos);
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private void literal(String word) throws JsonSyntaxException {
    if (!text.startsWith(word, pos)) {
      throw error("unexpected character, expected a value");
    }
    pos += word.length();
    out.append(word);
  }

  private void expect(char c) throws JsonSyntaxException {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
    out.append(c);
  }

  private void checkDepth(int depth) throws JsonSyntaxException {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  /** RFC 8259 whitespace: space, tab, line feed, carriage return; nothing else. */
  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** The current character, or 0 at the end (0 is never valid outside a string). */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  /** ASCII hex digits only: Character.digit would also take non-ASCII digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private JsonSyntaxException error(String what) {
    // Line and column, 1-based, counted in characters: enough to find the spot, no input echoed.
    int line = 1;
    int column = 1;
    for (int i = 0; i < pos && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    if (pos >= text.length()) {
      return new JsonSyntaxException(what + " (at the end of the input)");
    }
    return new JsonSyntaxException(what + " (line " + line + ", column " + column + ")");
  }
}
