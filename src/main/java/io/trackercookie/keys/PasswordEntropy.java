package io.trackercookie.keys;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * An estimate, in bits, of the guesses a password costs an attacker who tries the patterns people
 * use before random strings: common words (capitalised, in l33t, accented or backwards too), runs
 * such as "abcdef" or "97531", keyboard walks such as "qwerty" or "1qaz2wsx", years and dates, and
 * pieces that copy earlier ones. It follows zxcvbn's idea: the cheapest description of the
 * password, not its true entropy; a random password's estimate is below its true entropy, and a
 * password built of patterns the estimate does not know is above it.
 *
 * <p>The password is normalised with NFKC first (so full-width "ｐａｓｓ" is "pass"), then cut into
 * segments at the least total cost, by dynamic programming over its positions. A segment is one
 * character at its random cost, or a pattern at its cost plus {@value #SEGMENT_BITS} bit for
 * choosing where patterns begin. Costs in bits:
 *
 * <ul>
 *   <li>a character: log2 of its class: 26 for a lowercase or an uppercase letter, 10 for a digit,
 *       33 for ASCII punctuation and space, 100 for any other; punctuation used before in the
 *       password (a separator) costs log2(k + 1), with k the different marks used so far;
 *   <li>a common word of {@link CommonWords} (three letters or more): log2 of its rank, plus the
 *       ways to place its capitals (1 bit for a capital first or last letter or all capitals), plus
 *       the ways to place its l33t substitutions and accents ("p4$$w0rd", "pässword"; at most half
 *       the word, so "1337" stays digits), plus 1 if it is spelled backwards;
 *   <li>a run of three or more letters of one case or digits, each a fixed step of 1 to 5 from the
 *       last: its first character (2 bits for a, z, 0, 1 or 9, else its class) + log2(length) +
 *       log2(step) + 1 if it descends;
 *   <li>a keyboard walk of three or more keys, each next to the last on {@link QwertyKeyboard}:
 *       log2(47 keys) + log2(length) + log2(7) for each direction it takes (the first included) +
 *       the ways to place the characters typed with Shift;
 *   <li>a year 1900-2099: log2(200); a date (day, month and year, in any of the usual orders, the
 *       year of two or four digits): log2(31 * 12 * 200), + 2 with separators;
 *   <li>a copy of three or more characters found earlier in the password (compressibility, as LZ77
 *       sees it; "Summer2024!Summer2024?" pays for the second "Summer2024" with a copy): log2(its
 *       position) + log2(its length);
 *   <li>a moved copy, of a piece at most {@value #MOVED_COPY_WINDOW} code points back: each letter
 *       or digit the same step of 1 to 5 away ("b2c3d4" after "a1"), + log2(10) for the step; or
 *       each key one key away in the same direction ("2wsx" after "1qaz"), + log2(8) for the
 *       direction and the ways to place the characters typed with Shift; both + log2(its position,
 *       at most the window) + log2(its length).
 * </ul>
 *
 * <p>Only the first {@value #MAX_ANALYSED_CODE_POINTS} code points are analysed, which keeps the
 * work quadratic in a bounded length.
 */
final class PasswordEntropy {

  /** Code points analysed at most; a longer password is estimated by its beginning. */
  static final int MAX_ANALYSED_CODE_POINTS = 4096;

  /** The shortest word, run, walk or copy that counts as a pattern. */
  static final int MIN_PATTERN_LENGTH = 3;

  /** The cost of starting a pattern rather than going on with random characters. */
  static final double SEGMENT_BITS = 1;

  /** log2 of 0 to the longest length analysed (log2 of 0 is never read). */
  private static final double[] LOG2_OF = new double[MAX_ANALYSED_CODE_POINTS + 2];

  static {
    for (int i = 1; i < LOG2_OF.length; i++) {
      LOG2_OF[i] = Math.log(i) / Math.log(2);
    }
  }

  private static final double LETTER_BITS = log2(26);
  private static final double DIGIT_BITS = log2(10);
  private static final double PUNCTUATION_BITS = log2(33);
  private static final double OTHER_CHARACTER_BITS = log2(100);
  private static final double OBVIOUS_RUN_START_BITS = 2;
  private static final int MAX_RUN_STEP = 5;

  /** How far back a stepped or keyboard copy may find the piece it moves. */
  static final int MOVED_COPY_WINDOW = 64;

  /** A stepped copy's step: one of ten, -5 to 5 but 0. */
  private static final double STEPPED_COPY_BITS = log2(10);

  /** A keyboard copy's direction: one of eight. */
  private static final double KEYBOARD_COPY_BITS = 3;

  private static final int NO_RELATION = Integer.MIN_VALUE;

  /**
   * The copies the estimate recognises: the same code points again; code points of the same class
   * each moved by one step ("b2c3" after "a1"); keys each moved one key in one direction ("2wsx"
   * after "1qaz").
   */
  private enum CopyKind {
    SAME,
    STEPPED,
    KEYBOARD
  }

  /** For each ASCII character, the letters it stands for in l33t ("4" for a, "$" for s). */
  private static final String[] L33T = new String[128];

  static {
    String[][] table = {
      {"4@", "a"},
      {"8", "b"},
      {"({[<", "c"},
      {"3", "e"},
      {"69", "g"},
      {"1!|", "il"},
      {"0", "o"},
      {"$5", "s"},
      {"+", "t"},
      {"7", "tl"},
      {"%", "x"},
      {"2", "z"}
    };
    for (String[] row : table) {
      for (char symbol : row[0].toCharArray()) {
        L33T[symbol] = L33T[symbol] == null ? row[1] : L33T[symbol] + row[1];
      }
    }
  }

  private final int[] text;
  private final int length;

  /** The least cost of the first i code points, final once the programme has passed i. */
  private final double[] best;

  /** For each non-ASCII letter, its unaccented ASCII letter in lower case ('ä' is a), else 0. */
  private final char[] unaccented;

  /** For each code point, its {@link #runClass}. */
  private final int[] runClasses;

  /** For each code point, the keyboard row of its key, or -1 if no key types it. */
  private final int[] keyRows;

  /** For each code point, the column of its key on its row. */
  private final int[] keyColumns;

  private PasswordEntropy(int[] text) {
    this.text = text;
    this.length = text.length;
    this.best = new double[length + 1];
    this.unaccented = new char[length];
    this.keyRows = new int[length];
    this.keyColumns = new int[length];
    this.runClasses = new int[length];
    for (int i = 0; i < length; i++) {
      runClasses[i] = runClass(text[i]);
      unaccented[i] = unaccented(text[i]);
      int key = QwertyKeyboard.keyOf(text[i]);
      keyRows[i] = key < 0 ? -1 : key / 16;
      keyColumns[i] = key < 0 ? 0 : key % 16;
    }
  }

  /** The estimate for this password, in bits. */
  static double estimateBits(String password) {
    int[] text =
        Normalizer.normalize(password, Normalizer.Form.NFKC)
            .codePoints()
            .limit(MAX_ANALYSED_CODE_POINTS)
            .toArray();
    return new PasswordEntropy(text).cheapestDescription();
  }

  private double cheapestDescription() {
    double[] alone = characterCosts();
    int[] longestSame = longestCopies(CopyKind.SAME);
    int[] longestStepped = longestCopies(CopyKind.STEPPED);
    int[] longestKeyboard = longestCopies(CopyKind.KEYBOARD);
    Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    CommonWords words = CommonWords.EMBEDDED;
    for (int start = 0; start < length; start++) {
      relax(start + 1, best[start] + alone[start]);
      words(words.forward(), start, CommonWords.Trie.ROOT, start, 0, 0, 0, 0);
      words(words.backward(), start, CommonWords.Trie.ROOT, start, 0, 0, 0, 1);
      runs(start);
      walks(start);
      yearsAndDates(start);
      copies(CopyKind.SAME, start, longestSame[start]);
      copies(CopyKind.STEPPED, start, longestStepped[start]);
      copies(CopyKind.KEYBOARD, start, longestKeyboard[start]);
    }
    return best[length];
  }

  private void relax(int end, double bits) {
    if (bits < best[end]) {
      best[end] = bits;
    }
  }

  /** A pattern covers code points start (inclusive) to end (exclusive) for this many bits. */
  private void pattern(int start, int end, double bits) {
    relax(end, best[start] + bits + SEGMENT_BITS);
  }

  private double[] characterCosts() {
    double[] costs = new double[length];
    boolean[] marksUsed = new boolean[128];
    int marks = 0;
    for (int i = 0; i < length; i++) {
      int c = text[i];
      if (isAsciiLetter(c)) {
        costs[i] = LETTER_BITS;
      } else if (isAsciiDigit(c)) {
        costs[i] = DIGIT_BITS;
      } else if (c >= ' ' && c <= '~') {
        // A mark used before is most likely a separator again: one of the marks so far, or new.
        costs[i] = marksUsed[c] ? log2(marks + 1) : PUNCTUATION_BITS;
        if (!marksUsed[c]) {
          marksUsed[c] = true;
          marks++;
        }
      } else {
        costs[i] = OTHER_CHARACTER_BITS;
      }
    }
    return costs;
  }

  /**
   * Follows the trie from {@code node} with the code point at {@code position}, as itself, as the
   * letter its l33t symbol stands for, or unaccented; reports every word of three letters or more.
   */
  private void words(
      CommonWords.Trie trie,
      int start,
      int node,
      int position,
      int capitals,
      int smalls,
      int substituted,
      double extraBits) {
    int rank = trie.rank(node);
    // At least half of a word is letters: "1337" is read as digits, not as "leet".
    if (rank > 0 && position - start >= MIN_PATTERN_LENGTH && substituted * 2 <= position - start) {
      pattern(
          start,
          position,
          log2(rank)
              + capitalBits(start, position, capitals, smalls)
              + placementBits(position - start, substituted)
              + extraBits);
    }
    if (position == length) {
      return;
    }
    int c = text[position];
    if (isAsciiLetter(c)) {
      boolean capital = c <= 'Z';
      int next = trie.child(node, (char) (capital ? c + ('a' - 'A') : c));
      if (next != CommonWords.Trie.NONE) {
        words(
            trie,
            start,
            next,
            position + 1,
            capitals + (capital ? 1 : 0),
            smalls + (capital ? 0 : 1),
            substituted,
            extraBits);
      }
      return;
    }
    String letters = c < L33T.length ? L33T[c] : null;
    if (letters != null) {
      for (int i = 0; i < letters.length(); i++) {
        int next = trie.child(node, letters.charAt(i));
        if (next != CommonWords.Trie.NONE) {
          words(trie, start, next, position + 1, capitals, smalls, substituted + 1, extraBits);
        }
      }
    }
    if (unaccented[position] != 0) {
      int next = trie.child(node, unaccented[position]);
      if (next != CommonWords.Trie.NONE) {
        boolean capital = Character.isUpperCase(c);
        words(
            trie,
            start,
            next,
            position + 1,
            capitals + (capital ? 1 : 0),
            smalls + (capital ? 0 : 1),
            substituted + 1,
            extraBits);
      }
    }
  }

  /** The bits to place a word's capitals: none, first or last, all, or any mixture. */
  private double capitalBits(int start, int end, int capitals, int smalls) {
    if (capitals == 0) {
      return 0;
    }
    if (smalls == 0
        || (capitals == 1
            && (Character.isUpperCase(text[start]) || Character.isUpperCase(text[end - 1])))) {
      return 1;
    }
    return placementBits(capitals + smalls, capitals);
  }

  /** The bits to say which of {@code total} positions are the {@code chosen} special ones. */
  private static double placementBits(int total, int chosen) {
    if (chosen == 0) {
      return 0;
    }
    return Math.max(1, log2SumOfBinomials(total, Math.min(chosen, total - chosen)));
  }

  private void runs(int start) {
    int runClass = runClasses[start];
    if (runClass == 0) {
      return;
    }
    double startBits = runStartBits(text[start]);
    for (int step = -MAX_RUN_STEP; step <= MAX_RUN_STEP; step++) {
      if (step == 0) {
        continue;
      }
      double stepBits = log2(Math.abs(step)) + (step < 0 ? 1 : 0);
      for (int end = start + 1;
          end < length && text[end] - text[end - 1] == step && runClasses[end] == runClass;
          end++) {
        int runLength = end + 1 - start;
        if (runLength >= MIN_PATTERN_LENGTH) {
          pattern(start, end + 1, startBits + log2(runLength) + stepBits);
        }
      }
    }
  }

  /** 1 for a lowercase letter, 2 for an uppercase one, 3 for a digit, 0 for anything else. */
  private static int runClass(int c) {
    if (c >= 'a' && c <= 'z') {
      return 1;
    }
    if (c >= 'A' && c <= 'Z') {
      return 2;
    }
    return isAsciiDigit(c) ? 3 : 0;
  }

  private static double runStartBits(int c) {
    if ("aAzZ019".indexOf(c) >= 0) {
      return OBVIOUS_RUN_START_BITS;
    }
    if (isAsciiDigit(c)) {
      return DIGIT_BITS;
    }
    return c <= 'Z' ? LETTER_BITS + 1 : LETTER_BITS;
  }

  private void walks(int start) {
    int key = QwertyKeyboard.keyOf(text[start]);
    if (key < 0) {
      return;
    }
    int directions = 0;
    int previous = QwertyKeyboard.NOT_ADJACENT;
    int shifted = QwertyKeyboard.withShift(text[start]) ? 1 : 0;
    for (int end = start + 1; end < length; end++) {
      int next = QwertyKeyboard.keyOf(text[end]);
      int direction = next < 0 ? QwertyKeyboard.NOT_ADJACENT : QwertyKeyboard.direction(key, next);
      if (direction == QwertyKeyboard.NOT_ADJACENT) {
        return;
      }
      if (direction != previous) {
        directions++;
      }
      previous = direction;
      key = next;
      shifted += QwertyKeyboard.withShift(text[end]) ? 1 : 0;
      int walkLength = end + 1 - start;
      if (walkLength >= MIN_PATTERN_LENGTH) {
        pattern(
            start,
            end + 1,
            log2(QwertyKeyboard.KEYS)
                + log2(walkLength)
                + directions * log2(QwertyKeyboard.DIRECTIONS)
                + shiftBits(shifted, walkLength));
      }
    }
  }

  /** The bits to say which keys of a walk were typed with Shift: none, all, or which. */
  private static double shiftBits(int shifted, int keys) {
    return shifted == keys ? 1 : placementBits(keys, shifted);
  }

  private void yearsAndDates(int start) {
    if (!isAsciiDigit(text[start])) {
      return;
    }
    if (start + 4 <= length && Dates.isYear(text, start, start + 4)) {
      pattern(start, start + 4, Dates.YEAR_BITS);
    }
    for (int end = start + 4; end <= Math.min(length, start + Dates.MAX_DATE_LENGTH); end++) {
      double bits = Dates.dateBits(text, start, end);
      if (bits > 0) {
        pattern(start, end, bits);
      }
    }
  }

  /**
   * Reports the copies of {@code kind} that start at {@code start}, {@code longest} code points
   * long at most: the cost of pointing back, of the length, of the relation and of the Shift keys.
   */
  private void copies(CopyKind kind, int start, int longest) {
    double pointerBits =
        kind == CopyKind.SAME ? log2(start) : log2(Math.min(start, MOVED_COPY_WINDOW));
    int shifted = 0;
    for (int end = start; end < start + longest; end++) {
      shifted += QwertyKeyboard.withShift(text[end]) ? 1 : 0;
      int copyLength = end + 1 - start;
      if (copyLength < MIN_PATTERN_LENGTH) {
        continue;
      }
      double bits =
          switch (kind) {
            case SAME -> 0;
            case STEPPED -> STEPPED_COPY_BITS;
            case KEYBOARD -> KEYBOARD_COPY_BITS + shiftBits(shifted, copyLength);
          };
      pattern(start, end + 1, pointerBits + log2(copyLength) + bits);
    }
  }

  /**
   * For each position, the longest piece starting there that is a copy of {@code kind} of a piece
   * starting earlier (the two may overlap: "abcabcabc" copies itself from 3 on). Row by row from
   * the end, each row from the next: the copy at (p, i) is one longer than at (p + 1, i + 1) when p
   * and i stand in the same relation as p + 1 and i + 1, and one long when they stand in another.
   */
  private int[] longestCopies(CopyKind kind) {
    int window = kind == CopyKind.SAME ? length : MOVED_COPY_WINDOW;
    int[] longest = new int[length];
    int[] next = new int[length + 1];
    int[] current = new int[length + 1];
    int[] nextRelation = new int[length + 1];
    int[] currentRelation = new int[length + 1];
    Arrays.fill(nextRelation, NO_RELATION);
    for (int i = length - 1; i >= 1; i--) {
      int max = 0;
      for (int p = Math.max(0, i - window); p < i; p++) {
        int relation = relation(kind, p, i);
        currentRelation[p] = relation;
        current[p] =
            relation == NO_RELATION ? 0 : nextRelation[p + 1] == relation ? 1 + next[p + 1] : 1;
        max = Math.max(max, current[p]);
      }
      longest[i] = max;
      int[] swap = next;
      next = current;
      current = swap;
      swap = nextRelation;
      nextRelation = currentRelation;
      currentRelation = swap;
    }
    return longest;
  }

  /**
   * How the code point at i stands to the one at p for a copy of {@code kind}, as a number a copy
   * keeps all along, or {@link #NO_RELATION}: the same; the same class, a step of 1 to 5 away; one
   * key away in one of eight directions.
   */
  private int relation(CopyKind kind, int p, int i) {
    return switch (kind) {
      case SAME -> text[p] == text[i] ? 0 : NO_RELATION;
      case STEPPED -> steppedRelation(p, i);
      case KEYBOARD -> keyboardRelation(p, i);
    };
  }

  /** The step from p to i, if both are letters of one case or digits and 1 to 5 apart. */
  private int steppedRelation(int p, int i) {
    int step = text[i] - text[p];
    boolean stepped =
        step != 0
            && Math.abs(step) <= MAX_RUN_STEP
            && runClasses[p] != 0
            && runClasses[p] == runClasses[i];
    return stepped ? step : NO_RELATION;
  }

  /** Which of eight directions the key of i lies in from the key of p, if it is one key away. */
  private int keyboardRelation(int p, int i) {
    int down = keyRows[i] - keyRows[p];
    int right = keyColumns[i] - keyColumns[p];
    boolean moved =
        keyRows[p] >= 0
            && keyRows[i] >= 0
            && Math.abs(down) <= 1
            && Math.abs(right) <= 1
            && (down != 0 || right != 0);
    return moved ? (down + 1) * 3 + right + 1 : NO_RELATION;
  }

  private static char unaccented(int c) {
    if (c < 128 || !Character.isLetter(c)) {
      return 0;
    }
    String decomposed = Normalizer.normalize(Character.toString(c), Normalizer.Form.NFD);
    char base = Character.toLowerCase(decomposed.charAt(0));
    return base >= 'a' && base <= 'z' ? base : 0;
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  static boolean isAsciiDigit(int c) {
    return c >= '0' && c <= '9';
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double log2(int x) {
    return x < LOG2_OF.length ? LOG2_OF[x] : Math.log(x) / Math.log(2);
  }

  /** log2 of C(n, 1) + ... + C(n, k), summed from the largest term (k at most n / 2). */
  private static double log2SumOfBinomials(int n, int k) {
    double largest = 0;
    for (int j = 1; j <= k; j++) {
      largest += log2(n - j + 1) - log2(j);
    }
    double sum = 0;
    double term = largest;
    for (int j = k; j >= 1; j--) {
      sum += Math.pow(2, term - largest);
      term -= log2(n - j + 1) - log2(j);
    }
    return largest + log2(sum);
  }
}
