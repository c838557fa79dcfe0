package io.trackercookie.fuzz;

/**
 * Turns fuzzer bytes into edits of a known-good value, so the fuzzer spends its time near the
 * format instead of rediscovering it. Each 4-byte group is one edit: kind, position (2 bytes), and
 * a char (0-255). No input means no edit: the value itself.
 */
final class Mutations {

  private Mutations() {}

  static String apply(String base, byte[] ops) {
    StringBuilder s = new StringBuilder(base);
    for (int i = 0; i + 3 < ops.length; i += 4) {
      int kind = (ops[i] & 0xff) % 4;
      int position = ((ops[i + 1] & 0xff) << 8 | (ops[i + 2] & 0xff)) % (s.length() + 1);
      char c = (char) (ops[i + 3] & 0xff);
      switch (kind) {
        case 0 -> { // replace
          if (position < s.length()) {
            s.setCharAt(position, c);
          }
        }
        case 1 -> s.insert(position, c);
        case 2 -> { // delete
          if (position < s.length()) {
            s.deleteCharAt(position);
          }
        }
        default -> s.setLength(position); // truncate
      }
    }
    return s.toString();
  }
}
