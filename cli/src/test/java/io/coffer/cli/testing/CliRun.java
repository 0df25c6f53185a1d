package io.coffer.cli.testing;

import io.coffer.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** The outcome of one in-process {@code coffer} invocation. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code coffer args} in-process on a given command tree (tests may add commands). */
  public static CliRun run(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Runs {@code coffer args} in-process. */
  public static CliRun run(String... args) {
    return run(Main.commandLine(), args);
  }
}
