package io.trackercookie.cli;

import static io.trackercookie.cli.TrackerCookieCli.EXIT_USAGE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parsed command line: at most one command word, options with their values, or a request for
 * help. Parsing knows the options but not the commands, so it checks spelling and shape only (an
 * unknown option, one given twice, a value missing or where none belongs); the entry point checks
 * the command and which options apply to it.
 */
final class Arguments {

  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z-]{0,19}");

  private final String command;
  private final boolean help;
  private final Map<Option, String> options;

  private Arguments(String command, boolean help, Map<Option, String> options) {
    this.command = command;
    this.help = help;
    this.options = options;
  }

  /**
   * Parses the arguments in order; the first problem found is the one reported.
   *
   * @throws CliFailure with {@link TrackerCookieCli#EXIT_USAGE} for a malformed command line
   */
  static Arguments parse(String[] args) throws CliFailure {
    String command = null;
    boolean help = false;
    // In the order given: the first option that does not apply is the one reported.
    Map<Option, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
      } else if (arg.startsWith("--")) {
        int equals = arg.indexOf('=');
        String name = equals < 0 ? arg : arg.substring(0, equals);
        String value = equals < 0 ? null : arg.substring(equals + 1);
        Option option = Option.named(name);
        if (option == null) {
          // Only the name before '=' is echoed: the value could be something secret.
          throw new CliFailure(EXIT_USAGE, "unknown option " + printable(name) + " (see --help)");
        }
        if (options.containsKey(option)) {
          throw new CliFailure(EXIT_USAGE, "option " + name + " is given twice");
        }
        if (!option.takesValue()) {
          if (value != null) {
            throw new CliFailure(EXIT_USAGE, "option " + name + " takes no value");
          }
          value = "";
        } else if (value == null) {
          if (i + 1 >= args.length) {
            throw new CliFailure(EXIT_USAGE, "option " + name + " needs a value");
          }
          value = args[++i];
        }
        options.put(option, value);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        throw new CliFailure(EXIT_USAGE, "unknown option " + printable(arg) + " (see --help)");
      } else if (command == null) {
        command = arg;
      } else {
        throw new CliFailure(EXIT_USAGE, "only one command may be given (see --help)");
      }
    }
    return new Arguments(command, help, Collections.unmodifiableMap(options));
  }

  /** The command word, or null if none was given. */
  String command() {
    return command;
  }

  /** Whether {@code --help} or {@code -h} was given, which wins over everything else. */
  boolean help() {
    return help;
  }

  /** The options given, in the order given. */
  Set<Option> options() {
    return options.keySet();
  }

  /** Whether the option was given. */
  boolean has(Option option) {
    return options.containsKey(option);
  }

  /** The option's value, empty for a flag, or null if it was not given. */
  String value(Option option) {
    return options.get(option);
  }

  /** Echoes a word back only when it looks like one: a mistyped token must not reach stderr. */
  static String printable(String word) {
    String bare =
        word.startsWith("--") ? word.substring(2) : word.startsWith("-") ? word.substring(1) : word;
    String dashes = word.substring(0, word.length() - bare.length());
    return COMMAND_WORD.matcher(bare).matches() ? "'" + word + "'" : "'" + dashes + "...'";
  }
}
