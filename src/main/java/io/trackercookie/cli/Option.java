package io.trackercookie.cli;

/** The options the tool knows; which of them a command takes is the command's to say. */
enum Option {
  /** Read the password from a file. */
  PASSWORD_FILE("--password-file", true),
  /** Give the token an expiration, in milliseconds from now. */
  TTL("--ttl", true),
  /** Write this password id into the token. */
  PASSWORD_ID("--password-id", true),
  /** npm tracker-cookie's layout: the JSON sealed as a JSON string. */
  TRACKER_COOKIE("--tracker-cookie", false),
  /** Print the sealed text as it is. */
  RAW("--raw", false);

  private final String cliName;
  private final boolean takesValue;

  Option(String cliName, boolean takesValue) {
    this.cliName = cliName;
    this.takesValue = takesValue;
  }

  /** As it is written on the command line, e.g. {@code --ttl}. */
  String cliName() {
    return cliName;
  }

  /** Whether a value follows it ({@code --ttl 5} or {@code --ttl=5}); else it is a flag. */
  boolean takesValue() {
    return takesValue;
  }

  /** The option written so on the command line, or null for none. */
  static Option named(String cliName) {
    for (Option option : values()) {
      if (option.cliName.equals(cliName)) {
        return option;
      }
    }
    return null;
  }
}
