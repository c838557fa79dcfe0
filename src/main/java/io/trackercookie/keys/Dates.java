package io.trackercookie.keys;

/**
 * Years and dates in a password's digits, for {@link PasswordEntropy}: a year from 1900 to 2099,
 * and a day, a month and a year in one of the usual orders, with or without one kind of separator.
 */
final class Dates {

  static final double YEAR_BITS = PasswordEntropy.log2(200);
  static final double DATE_BITS = PasswordEntropy.log2(31 * 12 * 200);
  static final double DATE_SEPARATOR_BITS = 2;
  static final int MAX_DATE_LENGTH = 10;
  static final String DATE_SEPARATORS = "/-._ ";

  private Dates() {}

  static boolean isYear(int[] text, int start, int end) {
    for (int i = start; i < end; i++) {
      if (!PasswordEntropy.isAsciiDigit(text[i])) {
        return false;
      }
    }
    int year = number(text, start, end);
    return year >= 1900 && year <= 2099;
  }

  /** The cost of text[start, end) as a date, or 0 if it is none. */
  static double dateBits(int[] text, int start, int end) {
    int separator = 0;
    int[] groupEnds = new int[3];
    int groups = 0;
    for (int i = start; i < end; i++) {
      int c = text[i];
      if (PasswordEntropy.isAsciiDigit(c)) {
        continue;
      }
      boolean aSeparator = c < 128 && DATE_SEPARATORS.indexOf(c) >= 0;
      if (!aSeparator || (separator != 0 && c != separator) || groups == 2 || i == start) {
        return 0;
      }
      if (i > start && !PasswordEntropy.isAsciiDigit(text[i - 1])) {
        return 0;
      }
      separator = c;
      groupEnds[groups++] = i;
    }
    if (separator != 0) {
      if (groups != 2 || !PasswordEntropy.isAsciiDigit(text[end - 1])) {
        return 0;
      }
      boolean valid =
          isDate(text, start, groupEnds[0], groupEnds[0] + 1, groupEnds[1], groupEnds[1] + 1, end);
      return valid ? DATE_BITS + DATE_SEPARATOR_BITS : 0;
    }
    if (end - start > 8) {
      return 0;
    }
    for (int first = start + 1; first < end - 1; first++) {
      for (int second = first + 1; second < end; second++) {
        if (isDate(text, start, first, first, second, second, end)) {
          return DATE_BITS;
        }
      }
    }
    return 0;
  }

  /** Whether three digit groups are a day, a month and a year in one of the usual orders. */
  private static boolean isDate(int[] text, int s1, int e1, int s2, int e2, int s3, int e3) {
    return (isDay(text, s1, e1) && isMonth(text, s2, e2) && isDateYear(text, s3, e3))
        || (isMonth(text, s1, e1) && isDay(text, s2, e2) && isDateYear(text, s3, e3))
        || (isDateYear(text, s1, e1) && isMonth(text, s2, e2) && isDay(text, s3, e3));
  }

  private static boolean isDay(int[] text, int start, int end) {
    int digits = end - start;
    return (digits == 1 || digits == 2)
        && number(text, start, end) >= 1
        && number(text, start, end) <= 31;
  }

  private static boolean isMonth(int[] text, int start, int end) {
    int digits = end - start;
    return (digits == 1 || digits == 2)
        && number(text, start, end) >= 1
        && number(text, start, end) <= 12;
  }

  private static boolean isDateYear(int[] text, int start, int end) {
    return end - start == 2 || (end - start == 4 && isYear(text, start, end));
  }

  private static int number(int[] text, int start, int end) {
    int value = 0;
    for (int i = start; i < end; i++) {
      value = value * 10 + (text[i] - '0');
    }
    return value;
  }
}
