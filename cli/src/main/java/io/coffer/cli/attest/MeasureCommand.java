package io.coffer.cli.attest;

import io.coffer.attestation.simulation.Measurement;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer attest measure}: the measurement simulated evidence carries for the given files and
 * directories, so that a policy can pin it.
 */
@Command(
    name = "measure",
    mixinStandardHelpOptions = true,
    description = {
      "Print the measurement of files and directories as simulated evidence carries it: SHA-256"
          + " over a canonical walk (names, types, permission bits, contents, link targets;"
          + " not owners or times), so that a policy can pin it.",
      "Exit 0 with the measurement; 2 when a path cannot be read."
    })
final class MeasureCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "The files and directories, each measured with everything below it.")
  private List<Path> paths;

  @Override
  public Integer call() {
    String measurement;
    try {
      measurement = HexFormat.of().formatHex(Measurement.of(paths));
    } catch (IOException e) {
      throw CommandException.badInput("cannot measure: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.write(out, Map.of("measurement", measurement));
    } else {
      out.println(measurement);
      out.flush();
    }
    return ExitCode.OK;
  }
}
