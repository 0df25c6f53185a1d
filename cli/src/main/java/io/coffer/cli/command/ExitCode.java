package io.coffer.cli.command;

/**
 * The exit codes every {@code coffer} command uses.
 *
 * <p>Scripts may rely on these: 0 means yes, 1 means a definite no, 2 means the command was not
 * understood or its input could not be read. Any other code is a failure of Coffer itself.
 */
public final class ExitCode {

  /** Success: verified, valid, allowed, done. */
  public static final int OK = 0;

  /** A definite "no": verification failed, request denied, policy invalid. */
  public static final int NO = 1;

  /** Usage error, or input that could not be read or parsed. */
  public static final int USAGE = 2;

  /** The command exists but what it needs is not available in this build or on this machine. */
  public static final int UNAVAILABLE = 69;

  /** An internal error: a bug or an unexpected failure of the environment. */
  public static final int INTERNAL = 70;

  private ExitCode() {}
}
