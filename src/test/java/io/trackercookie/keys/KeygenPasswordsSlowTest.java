package io.trackercookie.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trackercookie.cli.KeygenPasswords;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two million keygen passwords, none refused: the false-refusal rate of the strength estimate is
 * below one in two million. Slow (a minute or more), so tagged {@code slow} and left out of the
 * default build; docs/testing.md says how to run it.
 */
@Tag("slow")
class KeygenPasswordsSlowTest {

  private static final int PASSWORDS = 2_000_000;

  @Test
  void twoMillionKeygenPasswords_noneRefused() {
    long started = System.nanoTime();
    int refused = 0;
    double lowest = Double.POSITIVE_INFINITY;
    double total = 0;
    for (int i = 0; i < PASSWORDS; i++) {
      String password = KeygenPasswords.next();
      if (WeakPasswords.ruleBroken(password).isPresent()) {
        refused++;
      }
      double bits = PasswordEntropy.estimateBits(password);
      lowest = Math.min(lowest, bits);
      total += bits;
    }
    System.out.printf(
        "%d keygen passwords in %.1f s: %d refused, estimate mean %.1f bits, lowest %.1f bits%n",
        PASSWORDS, (System.nanoTime() - started) / 1e9, refused, total / PASSWORDS, lowest);
    assertEquals(0, refused);
  }
}
