package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_PASSWORD;

import io.trackercookie.iron.Utf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The password in a {@code --password-file}: UTF-8 text, one trailing line end removed. */
final class PasswordFile {

  /** Largest password file read, in bytes. */
  static final int MAX_PASSWORD_FILE_BYTES = 4096;

  private PasswordFile() {}

  /**
   * The password in the file. Messages name the file (the user gave its name) but never its
   * content.
   *
   * @throws CliFailure with {@link TrackerCookieCli#EXIT_PASSWORD} if the file is missing,
   *     unreadable, too large, not UTF-8 or empty
   */
  static String read(String file) throws CliFailure {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(Path.of(file))) {
      bytes = in.readNBytes(MAX_PASSWORD_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: no such file: " + file);
    } catch (AccessDeniedException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: access denied: " + file);
    } catch (IOException | RuntimeException e) {
      throw new CliFailure(EXIT_PASSWORD, "cannot read the password file: " + file);
    }
    if (bytes.length > MAX_PASSWORD_FILE_BYTES) {
      throw new CliFailure(
          EXIT_PASSWORD,
          "the password file is larger than " + MAX_PASSWORD_FILE_BYTES + " bytes: " + file);
    }
    String password;
    try {
      password = Utf8.decodeStrict(bytes);
    } catch (CharacterCodingException e) {
      throw new CliFailure(EXIT_PASSWORD, "the password file is not UTF-8 text: " + file);
    }
    // One trailing line end, as `echo secret > file` and editors write it; anything else is kept.
    if (password.endsWith("\n")) {
      password = password.substring(0, password.length() - 1);
      if (password.endsWith("\r")) {
        password = password.substring(0, password.length() - 1);
      }
    }
    if (password.isEmpty()) {
      throw new CliFailure(EXIT_PASSWORD, "the password file is empty: " + file);
    }
    return password;
  }
}
