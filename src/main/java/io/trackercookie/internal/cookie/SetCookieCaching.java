package io.trackercookie.internal.cookie;

import java.util.List;
import java.util.Locale;

/**
 * The cache directive of a response that carries the tracker's Set-Cookie. A shared cache that
 * stored such a response would hand one visitor's cookie to the next (OWASP's Session Management
 * Cheat Sheet), so the response gets {@code Cache-Control: no-store}, unless the application's own
 * directive already holds {@code no-store}: nothing is stricter, and the application's other
 * directives are then left as they are. Any other directive is replaced, since none of them keeps
 * every cache from storing the response ({@code private} still lets the browser's cache keep it,
 * {@code no-cache} lets a cache store it and revalidate).
 */
public final class SetCookieCaching {

  /** The directive written. */
  public static final String NO_STORE = "no-store";

  private SetCookieCaching() {}

  /**
   * The Cache-Control value to set on a response carrying the tracker's Set-Cookie, or null to keep
   * the one the application set.
   *
   * @param existing the response's Cache-Control header values, as text (none: empty)
   */
  public static String directiveFor(List<String> existing) {
    for (String value : existing) {
      if (value != null && hasNoStore(value)) {
        return null;
      }
    }
    return NO_STORE;
  }

  /**
   * Whether a Cache-Control value holds the {@code no-store} directive: a directive name, not text
   * inside a quoted argument such as {@code no-cache="no-store"}.
   */
  private static boolean hasNoStore(String value) {
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i <= value.length(); i++) {
      char c = i < value.length() ? value.charAt(i) : ',';
      if (quoted && c == '\\') {
        i++; // a quoted pair: the next char is taken as it is
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        String directive = value.substring(start, i);
        int equals = directive.indexOf('=');
        String name = (equals < 0 ? directive : directive.substring(0, equals)).trim();
        if (name.toLowerCase(Locale.ROOT).equals(NO_STORE)) {
          return true;
        }
        start = i + 1;
      }
    }
    return false;
  }
}
