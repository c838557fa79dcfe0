package io.trackercookie.cli;

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

  int exitCode() {
    return exitCode;
  }
}
