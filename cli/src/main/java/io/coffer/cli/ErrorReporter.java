package io.coffer.cli;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on standard error and an exit code.
 *
 * <p>Usage errors exit 2; a {@link CommandException} exits with its own code; anything else is an
 * internal error (exit 70) whose stack trace is shown only with {@code --debug}.
 */
final class ErrorReporter implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private static final int MAX_MESSAGE_CHARS = 300;

  private final BooleanSupplier debug;

  ErrorReporter(BooleanSupplier debug) {
    this.debug = debug;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    StringBuilder line = new StringBuilder(name).append(": ").append(oneLine(ex.getMessage()));
    if (ex instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line.append(" (did you mean '").append(suggestions.getFirst()).append("'?)");
      }
    }
    line.append("; see '").append(name).append(" --help'");
    PrintWriter err = cl.getErr();
    err.println(line);
    err.flush();
    return ExitCode.USAGE;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    int code;
    if (ex instanceof CommandException failure) {
      err.println(name + ": " + oneLine(failure.getMessage()));
      code = failure.exitCode();
      if (debug.getAsBoolean() && failure.getCause() != null) {
        failure.printStackTrace(err);
      }
    } else {
      String detail = ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage());
      err.println(
          name
              + ": internal error ("
              + ex.getClass().getSimpleName()
              + detail
              + ")"
              + (debug.getAsBoolean() ? "" : "; run with --debug for the stack trace"));
      if (debug.getAsBoolean()) {
        ex.printStackTrace(err);
      }
      code = ExitCode.INTERNAL;
    }
    err.flush();
    return code;
  }

  /** Collapses a message onto one bounded line. */
  static String oneLine(String message) {
    if (message == null || message.isBlank()) {
      return "failed";
    }
    String flat = message.strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    flat = flat.replaceAll("\\p{Cntrl}", "?");
    return flat.length() <= MAX_MESSAGE_CHARS
        ? flat
        : flat.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
  }
}
