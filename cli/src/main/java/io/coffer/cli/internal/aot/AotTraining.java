package io.coffer.cli.internal.aot;

import io.coffer.cli.Main;
import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.LogFormat;
import io.coffer.cli.internal.logging.Logging;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import picocli.CommandLine;

/**
 * The training run for the JDK's ahead-of-time cache ({@code -XX:AOTCacheOutput}).
 *
 * <p>{@code bin/coffer} runs this once per build and JDK, so that later starts find the classes of
 * the common start-up path already loaded and linked. It exercises that path the way a real run
 * does (command tree, help, version, JSON output, usage errors, logging), and the path of {@code
 * coffer run} up to its program's start ({@link RunPathTraining}), and prints nothing.
 */
public final class AotTraining {

  private static final List<List<String>> RUNS =
      List.of(
          List.of("--help"),
          List.of("attest", "--help"),
          List.of("attest", "verify", "--help"),
          List.of("attest", "collect", "--help"),
          List.of("attest", "measure", "--help"),
          List.of("attest", "verify", "--evidence", "/dev/null", "--at", "0", "--json"),
          List.of("audit", "--help"),
          List.of("policy", "--help"),
          List.of("policy", "lint", "--help"),
          List.of("audit", "verify", "--help"),
          List.of(
              "audit",
              "verify-consistency",
              "--size1",
              "1",
              "--size2",
              "1",
              "--root1",
              "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
              "--root2",
              "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
              "--json"),
          List.of("identity", "--help"),
          List.of("identity", "create", "--help"),
          List.of("identity", "show", "--help"),
          List.of("identity", "show", "/nonexistent/coffer-identity", "--json"),
          List.of("--version"),
          List.of("version"),
          List.of("version", "--json"),
          List.of("demo", "--help"),
          List.of("help", "demo"),
          List.of("no-such-command"));

  private AotTraining() {}

  public static void main(String[] args) {
    LogConfig before = Logging.config();
    try {
      train();
    } finally {
      Logging.configure(before);
    }
  }

  private static void train() {
    RunPathTraining.run();
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
    for (List<String> run : RUNS) {
      CommandLine cl = Main.commandLine();
      cl.setOut(sink);
      cl.setErr(sink);
      cl.execute(run.toArray(String[]::new));
    }
    PrintStream nullStream = new PrintStream(OutputStream.nullOutputStream());
    for (LogFormat format : LogFormat.values()) {
      Logging.configure(new LogConfig(Level.INFO, format, nullStream, false));
      LoggerFactory.getLogger(AotTraining.class)
          .atInfo()
          .addKeyValue("format", format)
          .log("training {}", "run");
    }
  }
}
