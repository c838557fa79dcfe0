package io.trackercookie.cli;

import java.util.Set;

/**
 * One command of the tool. A command checks its options before it reads stdin, so a usage error
 * never waits for input, and returns its whole output only once it has succeeded.
 */
interface Command {

  /** The word that runs it, e.g. {@code seal}. */
  String name();

  /** The options it takes; any other given is a usage error. */
  Set<Option> options();

  /**
   * Runs the command.
   *
   * @return everything for stdout
   * @throws CliFailure with the exit code and the line for stderr
   */
  String run(Arguments arguments, CommandContext context) throws CliFailure;
}
