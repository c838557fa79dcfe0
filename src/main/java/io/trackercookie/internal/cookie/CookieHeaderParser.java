package io.trackercookie.internal.cookie;

import io.trackercookie.CookieBudget;
import io.trackercookie.RejectionReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the tracker cookie's values in raw {@code Cookie} header lines, in header order.
 *
 * <p>Why not the runtime's parser: Jersey's splits on ',' as well as ';' (so {@code
 * other=x,name=<seal>} smuggles a cookie in) and keeps the last of two same-named cookies, unlike
 * browsers' order and Express. Here: split on ';' only, trim spaces and tabs, strip one pair of
 * DQUOTEs (as cookie-parser does), decode {@code %2A} to {@code *} (Express clients may send it;
 * nothing else is decoded, never '+'), skip fragments without '=' and empty values. Values that
 * cannot be a seal (non-ASCII, too long) are kept with their rejection so the reason is reported
 * when the tracker is opened, and cost no crypto. At most {@value #MAX_CANDIDATES} candidates are
 * kept so a header stuffed with copies costs bounded work. Linear in the header length.
 */
public final class CookieHeaderParser {

  public static final int MAX_CANDIDATES = 8;

  /** Browsers keep at most 4096 bytes of name and value; a longer value was never ours. */
  public static final int MAX_VALUE_LENGTH = CookieBudget.MAX_COOKIE_BYTES;

  /** A value found under the cookie name; {@code rejection} is set if it cannot be a seal. */
  public record Candidate(String value, RejectionReason rejection) {}

  private CookieHeaderParser() {}

  /** The values of the cookies called {@code name} in these header lines (null: none), in order. */
  public static List<Candidate> find(List<String> headerLines, String name) {
    if (headerLines == null || headerLines.isEmpty()) {
      return List.of();
    }
    List<Candidate> found = new ArrayList<>(1);
    for (String line : headerLines) {
      if (line == null) {
        continue;
      }
      int start = 0;
      int length = line.length();
      while (start <= length && found.size() < MAX_CANDIDATES) {
        int end = line.indexOf(';', start);
        if (end < 0) {
          end = length;
        }
        Candidate candidate = candidate(line, start, end, name);
        if (candidate != null) {
          found.add(candidate);
        }
        start = end + 1;
      }
    }
    return found;
  }

  private static Candidate candidate(String line, int start, int end, String name) {
    int equals = start;
    while (equals < end && line.charAt(equals) != '=') {
      equals++; // bounded by the fragment, so parsing stays linear
    }
    if (equals == end) {
      return null;
    }
    int nameStart = skipSpace(line, start, equals);
    int nameEnd = trimEnd(line, nameStart, equals);
    if (nameEnd - nameStart != name.length() || !line.startsWith(name, nameStart)) {
      return null;
    }
    int valueStart = skipSpace(line, equals + 1, end);
    int valueEnd = trimEnd(line, valueStart, end);
    if (valueEnd - valueStart >= 2
        && line.charAt(valueStart) == '"'
        && line.charAt(valueEnd - 1) == '"') {
      valueStart++;
      valueEnd--;
    }
    if (valueEnd == valueStart) {
      return null; // "name=" is what a deleted cookie leaves behind: absent, not rejected
    }
    if (valueEnd - valueStart > MAX_VALUE_LENGTH) {
      return new Candidate("", RejectionReason.OVERSIZE);
    }
    String value = line.substring(valueStart, valueEnd);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // A seal is printable ASCII without spaces: control bytes and anything above '~' are
      // refused here, before they cost a MAC check.
      if (c < 0x21 || c > 0x7e) {
        return new Candidate("", RejectionReason.NON_ASCII);
      }
    }
    if (value.indexOf('%') >= 0) {
      value = value.replace("%2A", "*").replace("%2a", "*");
    }
    return new Candidate(value, null);
  }

  /**
   * The line without {@code $Version} attributes whose value is not a number, or the same line if
   * it has none. RFC 2109 leftovers: some runtimes' cookie parsers (Jersey 3.1's, behind
   * {@code @CookieParam}) call parseInt on them and answer 500 to the whole request.
   */
  public static String withoutInvalidVersion(String line) {
    if (line == null || line.indexOf('$') < 0) {
      return line;
    }
    StringBuilder kept = new StringBuilder(line.length());
    boolean dropped = false;
    for (String fragment : line.split(";", -1)) {
      int equals = fragment.indexOf('=');
      String name = (equals < 0 ? fragment : fragment.substring(0, equals)).trim();
      if (name.equalsIgnoreCase("$Version")) {
        String value = equals < 0 ? "" : fragment.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()
            || value.length() > 9
            || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
          dropped = true;
          continue;
        }
      }
      if (kept.length() > 0) {
        kept.append(';');
      }
      kept.append(fragment);
    }
    return dropped ? kept.toString().trim() : line;
  }

  private static int skipSpace(String s, int from, int to) {
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return to;
  }
}
