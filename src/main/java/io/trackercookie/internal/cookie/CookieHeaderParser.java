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

  private static final String VERSION = "$Version";

  /** A value found under the cookie name; {@code rejection} is set if it cannot be a seal. */
  public record Candidate(String value, RejectionReason rejection) {}

  private CookieHeaderParser() {}

  /** The values of the cookies called {@code name} in these header lines (null: none), in order. */
  public static List<Candidate> find(List<String> headerLines, String name) {
    return scan(headerLines, name, 0, null).cookie();
  }

  /**
   * What one pass over the Cookie header lines found for the tracker: the values of its cookie, the
   * first value of each chunk {@code name.0} to {@code name.<chunkNames - 1>}, the legacy cookie's
   * values, and whether any cookie is named {@code $Version} (any case), which {@link
   * #withoutInvalidVersion} may then have to drop. Each list is in header order and holds at most
   * {@value #MAX_CANDIDATES} values.
   */
  public static final class Scan {
    private List<Candidate> cookie = List.of();
    private final Candidate[] firstChunks;
    private List<Candidate> legacy = List.of();
    private boolean versionAttribute;

    private Scan(int chunkNames) {
      this.firstChunks = new Candidate[chunkNames];
    }

    /** The values of the tracker cookie, in header order. */
    public List<Candidate> cookie() {
      return cookie;
    }

    /** The first value of chunk {@code index}; null when the header holds none. */
    public Candidate firstChunk(int index) {
      return firstChunks[index];
    }

    /** The values of the legacy cookie, in header order; empty when none was asked for. */
    public List<Candidate> legacy() {
      return legacy;
    }

    /** Whether a cookie (or a fragment without '=') is named {@code $Version}, in any case. */
    public boolean versionAttribute() {
      return versionAttribute;
    }
  }

  /**
   * One pass over the header lines: each ';'-separated fragment is looked at once, and a value is
   * copied only for a name asked for. {@code chunkNames}: how many chunk names {@code name.i} to
   * look for (0: none); {@code legacyName}: null when no legacy cookie is read.
   */
  public static Scan scan(
      List<String> headerLines, String name, int chunkNames, String legacyName) {
    Scan scan = new Scan(chunkNames);
    if (headerLines == null) {
      return scan;
    }
    for (String line : headerLines) {
      if (line == null) {
        continue;
      }
      int start = 0;
      int length = line.length();
      while (start <= length) {
        int end = line.indexOf(';', start);
        if (end < 0) {
          end = length;
        }
        fragment(scan, line, start, end, name, chunkNames, legacyName);
        start = end + 1;
      }
    }
    return scan;
  }

  private static void fragment(
      Scan scan, String line, int start, int end, String name, int chunkNames, String legacyName) {
    int equals = start;
    while (equals < end && line.charAt(equals) != '=') {
      equals++; // bounded by the fragment, so parsing stays linear
    }
    int nameStart = skipSpace(line, start, equals);
    int nameEnd = trimEnd(line, nameStart, equals);
    int nameLength = nameEnd - nameStart;
    if (!scan.versionAttribute && isVersion(line, start, equals)) {
      scan.versionAttribute = true;
    }
    if (equals == end) {
      return;
    }
    // Each name is tested on its own, as a separate search for it would.
    if (nameLength == name.length()
        && line.startsWith(name, nameStart)
        && scan.cookie.size() < MAX_CANDIDATES) {
      scan.cookie = added(scan.cookie, value(line, equals + 1, end));
    }
    if (chunkNames > 0
        && nameLength > name.length() + 1
        && line.charAt(nameStart + name.length()) == '.'
        && line.startsWith(name, nameStart)) {
      int index = chunkIndex(line, nameStart + name.length() + 1, nameEnd);
      if (index >= 0 && index < chunkNames && scan.firstChunks[index] == null) {
        scan.firstChunks[index] = value(line, equals + 1, end);
      }
    }
    if (legacyName != null
        && nameLength == legacyName.length()
        && line.startsWith(legacyName, nameStart)
        && scan.legacy.size() < MAX_CANDIDATES) {
      scan.legacy = added(scan.legacy, value(line, equals + 1, end));
    }
  }

  /** The list with the candidate added (an empty value adds nothing); grown from List.of(). */
  private static List<Candidate> added(List<Candidate> list, Candidate candidate) {
    if (candidate == null) {
      return list;
    }
    if (list.isEmpty()) {
      List<Candidate> one = new ArrayList<>(1);
      one.add(candidate);
      return one;
    }
    list.add(candidate);
    return list;
  }

  /** Whether the name is {@code $Version}, trimmed as {@link #withoutInvalidVersion} trims it. */
  private static boolean isVersion(String line, int from, int to) {
    while (from < to && line.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && line.charAt(to - 1) <= ' ') {
      to--;
    }
    return to - from == VERSION.length() && line.regionMatches(true, from, VERSION, 0, to - from);
  }

  /** The chunk index written as {@code name.<i>} does: decimal, no leading zero; else -1. */
  private static int chunkIndex(String line, int from, int to) {
    if (to - from > 2 || (to - from == 2 && line.charAt(from) == '0')) {
      return -1;
    }
    int index = 0;
    for (int i = from; i < to; i++) {
      char c = line.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      index = index * 10 + (c - '0');
    }
    return index;
  }

  /**
   * The value between {@code from} (after '=') and {@code to}: trimmed, one pair of DQUOTEs
   * stripped, checked to be a possible seal before it is copied; null for an empty value.
   */
  private static Candidate value(String line, int from, int to) {
    int valueStart = skipSpace(line, from, to);
    int valueEnd = trimEnd(line, valueStart, to);
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
    boolean percent = false;
    for (int i = valueStart; i < valueEnd; i++) {
      char c = line.charAt(i);
      // A seal is printable ASCII without spaces: control bytes and anything above '~' are
      // refused here, before they cost a MAC check.
      if (c < 0x21 || c > 0x7e) {
        return new Candidate("", RejectionReason.NON_ASCII);
      }
      percent |= c == '%';
    }
    String value = line.substring(valueStart, valueEnd);
    if (percent) {
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
