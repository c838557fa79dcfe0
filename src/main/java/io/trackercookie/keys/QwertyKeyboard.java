package io.trackercookie.keys;

/**
 * The US QWERTY keyboard's 47 character keys, as {@link PasswordEntropy} sees them: which key types
 * a character, whether with Shift, and in which direction one key lies from another.
 *
 * <p>The rows are placed as on a real keyboard, each shifted right of the one above (Tab, Caps Lock
 * and Shift are wider than a key), so that "1qaz" and "zaq1" are straight diagonal walks and "2wsx"
 * is the next one.
 */
final class QwertyKeyboard {

  /** Keys that type a character. */
  static final int KEYS = 47;

  /**
   * Directions one key can lie from the previous one in a walk: the same key, left, right, and the
   * four diagonal neighbours in the rows above and below.
   */
  static final int DIRECTIONS = 7;

  /** Returned by {@link #direction} for two keys that are not neighbours. */
  static final int NOT_ADJACENT = -1;

  private static final int SAME_KEY = 0;
  private static final int LEFT = 1;
  private static final int RIGHT = 2;
  private static final int UP_LEFT = 3;
  private static final int UP_RIGHT = 4;
  private static final int DOWN_LEFT = 5;
  private static final int DOWN_RIGHT = 6;

  private static final String[] UNSHIFTED = {
    "`1234567890-=", "qwertyuiop[]\\", "asdfghjkl;'", "zxcvbnm,./"
  };
  private static final String[] SHIFTED = {
    "~!@#$%^&*()_+", "QWERTYUIOP{}|", "ASDFGHJKL:\"", "ZXCVBNM<>?"
  };

  /** Where each row's first key starts, in key widths from the left edge of the keyboard. */
  private static final double[] ROW_OFFSETS = {0, 1.5, 1.75, 2.25};

  /** For each ASCII character: row * 16 + column of its key, or -1 if no key types it. */
  private static final int[] KEY_OF = new int[128];

  private static final boolean[] WITH_SHIFT = new boolean[128];

  static {
    java.util.Arrays.fill(KEY_OF, -1);
    int keys = 0;
    for (int row = 0; row < UNSHIFTED.length; row++) {
      for (int column = 0; column < UNSHIFTED[row].length(); column++) {
        KEY_OF[UNSHIFTED[row].charAt(column)] = row * 16 + column;
        KEY_OF[SHIFTED[row].charAt(column)] = row * 16 + column;
        WITH_SHIFT[SHIFTED[row].charAt(column)] = true;
        keys++;
      }
    }
    if (keys != KEYS) {
      throw new IllegalStateException("the keyboard rows and KEYS disagree");
    }
  }

  private QwertyKeyboard() {}

  /** The key that types this code point, or -1 if none does. */
  static int keyOf(int codePoint) {
    return codePoint < KEY_OF.length ? KEY_OF[codePoint] : -1;
  }

  /** Whether this code point is typed with Shift held. */
  static boolean withShift(int codePoint) {
    return codePoint < WITH_SHIFT.length && WITH_SHIFT[codePoint];
  }

  /**
   * Where key {@code to} lies from key {@code from}: one of {@link #DIRECTIONS} values from 0, or
   * {@link #NOT_ADJACENT}.
   */
  static int direction(int from, int to) {
    int fromRow = from / 16;
    int toRow = to / 16;
    if (fromRow == toRow) {
      int step = to % 16 - from % 16;
      return step == 0 ? SAME_KEY : step == -1 ? LEFT : step == 1 ? RIGHT : NOT_ADJACENT;
    }
    if (Math.abs(toRow - fromRow) != 1) {
      return NOT_ADJACENT;
    }
    double dx = (to % 16 + ROW_OFFSETS[toRow]) - (from % 16 + ROW_OFFSETS[fromRow]);
    if (Math.abs(dx) >= 1) {
      return NOT_ADJACENT;
    }
    if (toRow > fromRow) {
      return dx < 0 ? DOWN_LEFT : DOWN_RIGHT;
    }
    return dx < 0 ? UP_LEFT : UP_RIGHT;
  }
}
