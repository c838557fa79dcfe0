package io.trackercookie.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Passwords from the CLI's {@code keygen} command, run in this JVM through the same entry point as
 * {@code java -jar tracker-cookie.jar keygen}, for tests that need many of them.
 */
public final class KeygenPasswords {

  private KeygenPasswords() {}

  /** A fresh password, as keygen prints it without its newline. */
  public static String next() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    int code =
        TrackerCookieCli.run(
            new String[] {"keygen"},
            InputStream.nullInputStream(),
            out,
            OutputStream.nullOutputStream(),
            Map.of());
    String printed = out.toString(StandardCharsets.UTF_8);
    if (code != TrackerCookieCli.EXIT_OK || !printed.endsWith("\n")) {
      throw new IllegalStateException("keygen failed with exit code " + code);
    }
    return printed.substring(0, printed.length() - 1);
  }
}
