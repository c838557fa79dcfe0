package io.trackercookie.keys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises passwords that are long enough for iron but easy to guess: published samples,
 * placeholders left in a configuration, and strings with too little variety. A random password (the
 * CLI's {@code keygen}, 43 base64url characters) never matches. The rules name what they found,
 * never the password.
 */
public final class WeakPasswords {

  /**
   * Published sample passwords, compared after {@link #normalize}: iron's test password, and
   * iron-session's documented example.
   */
  private static final List<String> SAMPLES =
      List.of(
          normalize("some_not_random_password_that_is_also_long_enough"),
          normalize("complex_password_at_least_32_characters_long"));

  /**
   * Phrases of placeholder and sample passwords, compared after {@link #normalize}; each is long
   * enough that a random password holds one with negligible probability.
   */
  private static final List<String> PHRASES =
      List.of(
          "changeme",
          "changeit",
          "replaceme",
          "placeholder",
          "longenough",
          "atleast32",
          "notrandom",
          "notasecret",
          "yoursecret",
          "yourpassword",
          "supersecret",
          "example",
          "password123",
          "letmein",
          "qwerty");

  /** Fewer different characters than this is too little variety. */
  static final int MIN_DISTINCT_CHARACTERS = 8;

  private WeakPasswords() {}

  /**
   * The rule a password breaks, for a message; empty if it keeps them all.
   *
   * @return for example "it is a published sample password"; never the password or a part of it
   */
  public static Optional<String> ruleBroken(String password) {
    String normalized = normalize(password);
    if (SAMPLES.contains(normalized)) {
      return Optional.of("it is a published sample password");
    }
    for (String phrase : PHRASES) {
      if (normalized.contains(phrase)) {
        return Optional.of("it contains a placeholder or sample phrase (such as changeme)");
      }
    }
    if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return Optional.of(
          "it has too little variety (fewer than "
              + MIN_DISTINCT_CHARACTERS
              + " different characters)");
    }
    if (repeatsShortPattern(password)) {
      return Optional.of("it repeats a short pattern");
    }
    return Optional.empty();
  }

  /** Lower case, letters and digits only: "Change-Me" and "change_me" are the same placeholder. */
  private static String normalize(String password) {
    StringBuilder kept = new StringBuilder(password.length());
    password
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /** True if some piece of at most half the length, repeated, makes up the whole password. */
  private static boolean repeatsShortPattern(String password) {
    int length = password.length();
    for (int period = 1; period <= length / 2; period++) {
      if (password.regionMatches(period, password, 0, length - period)) {
        return true;
      }
    }
    return false;
  }
}
