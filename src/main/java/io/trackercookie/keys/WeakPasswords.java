package io.trackercookie.keys;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises passwords that are long enough for iron but easy to guess: published samples,
 * placeholders left in a configuration, strings with too little variety, and strings made of
 * patterns (common words, names, runs, keyboard walks, dates, repeats) whose estimated strength,
 * the package's {@code PasswordEntropy}, is under 100 bits. Every rule reads the password
 * normalised with NFKC, so full-width letters are the letters they look like. A random password
 * (the CLI's {@code keygen}, 43 base64url characters, about 189 bits by the estimate) never
 * matches. The rules name what they found, never the password.
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
   * Phrases of placeholder and sample passwords, compared after {@link #normalize}. A random
   * password may hold a short one by chance (keygen's hold "qwerty" about 4 times in 100 million),
   * so a phrase counts only when the rest of the password is not strong on its own.
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

  /**
   * A password whose {@link PasswordEntropy} estimate is lower is easy to guess. Measured: human
   * patterns of 32 to 43 characters (passphrases of common words, walks, words repeated with small
   * changes, dates, l33t) score 7 to 87 bits; keygen's passwords score 189 on average, and the
   * lowest of two million scored 153. 100 leaves a margin on both sides, and is about the least
   * that keeps an offline search out of reach when the estimate is right: iron's single PBKDF2
   * iteration adds no cost to each guess.
   */
  static final int MIN_ESTIMATED_BITS = 100;

  private WeakPasswords() {}

  /**
   * The rule a password breaks, for a message; empty if it keeps them all.
   *
   * @return for example "it is a published sample password"; never the password or a part of it
   */
  public static Optional<String> ruleBroken(String password) {
    String text = Normalizer.normalize(password, Normalizer.Form.NFKC);
    String normalized = normalize(text);
    if (SAMPLES.contains(normalized)) {
      return Optional.of("it is a published sample password");
    }
    for (String phrase : PHRASES) {
      if (normalized.contains(phrase) && !strongWithout(normalized, phrase)) {
        return Optional.of("it contains a placeholder or sample phrase (such as changeme)");
      }
    }
    if (text.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
      return Optional.of(
          "it has too little variety (fewer than "
              + MIN_DISTINCT_CHARACTERS
              + " different characters)");
    }
    if (repeatsShortPattern(text)) {
      return Optional.of("it repeats a short pattern");
    }
    if (PasswordEntropy.estimateBits(text) < MIN_ESTIMATED_BITS) {
      return Optional.of(
          "it is made of guessable patterns (common words, names, dates, runs, keyboard walks,"
              + " repeats) and estimated at under "
              + MIN_ESTIMATED_BITS
              + " bits");
    }
    return Optional.empty();
  }

  /**
   * Lower case, letters and digits only: "Change-Me", "change_me" and full-width "ｃｈａｎｇｅｍｅ" are the
   * same placeholder. Takes NFKC-normalised text.
   */
  private static String normalize(String text) {
    StringBuilder kept = new StringBuilder(text.length());
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /**
   * True if the normalised password, the phrase taken out, is still estimated at {@link
   * #MIN_ESTIMATED_BITS} or more: then the phrase is padding around a random password.
   */
  private static boolean strongWithout(String normalized, String phrase) {
    return PasswordEntropy.estimateBits(normalized.replace(phrase, " ")) >= MIN_ESTIMATED_BITS;
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
