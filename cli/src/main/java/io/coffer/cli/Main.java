package io.coffer.cli;

import io.coffer.cli.internal.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.RunLast;

/**
 * The composition root of the {@code coffer} process: builds the command tree, configures logging
 * from the global options, runs the chosen command and exits with its code.
 */
public final class Main {

  private Main() {}

  /** Runs {@code coffer} with {@code args} and exits the JVM with the command's exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The full {@code coffer} command tree with Coffer's error handling and exit codes; {@link
   * CommandLine#execute} on it runs one command. Tests and benchmarks call this instead of {@link
   * #main}.
   */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /**
   * The same command tree with its commands made by {@code factory}: tests bind commands to a
   * Coffer home and a clock of their choosing this way.
   */
  public static CommandLine commandLine(CommandLine.IFactory factory) {
    CofferCommand root = new CofferCommand();
    CommandLine cl = new CommandLine(root, factory);
    ErrorReporter reporter = new ErrorReporter(root::debug);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setAbbreviatedOptionsAllowed(false);
    cl.setParameterExceptionHandler(reporter);
    cl.setExecutionExceptionHandler(reporter);
    cl.setExecutionStrategy(parseResult -> {
      Logging.configure(root.logConfig());
      return new RunLast().execute(parseResult);
    });
    return cl;
  }
}
