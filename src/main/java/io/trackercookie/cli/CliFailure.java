package io.trackercookie.cli;

import io.trackercookie.iron.IronException;

/**
 * A failed command: the exit code and the one line for stderr. The message is written by the CLI
 * itself and never holds a password, a token or plaintext.
 */
final class CliFailure extends Exception {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** A token iron refused: {@link TrackerCookieCli#EXIT_REFUSED}, with iron's reason. */
  static CliFailure refused(IronException e) {
    return new CliFailure(
        TrackerCookieCli.EXIT_REFUSED, "refused: " + e.reason() + " \u2014 " + e.getMessage());
  }

  int exitCode() {
    return exitCode;
  }
}
