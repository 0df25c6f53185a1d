package io.coffer.cli.command;

import java.util.Objects;

/**
 * A failure a command reports to its user: a one-line message and the exit code that classifies it.
 *
 * <p>The message is shown as is, so it must name what was wrong and where, and must never contain a
 * secret value. The cause, when present, is shown only with {@code --debug}.
 */
public final class CommandException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String kind;

  private CommandException(int exitCode, String kind, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.exitCode = exitCode;
    this.kind = kind;
  }

  /** A definite "no" (exit 1): verification failed, request denied, policy invalid. */
  public static CommandException no(String message) {
    return new CommandException(ExitCode.NO, "no", message, null);
  }

  /** A definite "no" (exit 1) caused by a library's checked failure. */
  public static CommandException no(String message, Throwable cause) {
    return new CommandException(ExitCode.NO, "no", message, cause);
  }

  /** A usage error or unreadable / malformed input (exit 2). */
  public static CommandException usage(String message) {
    return new CommandException(ExitCode.USAGE, "usage", message, null);
  }

  /** Unreadable or malformed input (exit 2) with its cause. */
  public static CommandException badInput(String message, Throwable cause) {
    return new CommandException(ExitCode.USAGE, "input", message, cause);
  }

  /** Something the command needs is not available in this build or on this machine (exit 69). */
  public static CommandException unavailable(String message) {
    return new CommandException(ExitCode.UNAVAILABLE, "unavailable", message, null);
  }

  /** Something the command needs is not available (exit 69), with the failure that shows it. */
  public static CommandException unavailable(String message, Throwable cause) {
    return new CommandException(ExitCode.UNAVAILABLE, "unavailable", message, cause);
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }

  /** A stable, machine-readable classification: {@code no}, {@code usage}, {@code input}, ... */
  public String kind() {
    return kind;
  }
}
