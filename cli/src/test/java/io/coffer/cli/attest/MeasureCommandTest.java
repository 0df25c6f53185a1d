package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code coffer attest measure}: the simulation measurement of files and directories. */
class MeasureCommandTest {

  @TempDir Path dir;

  /** A small application tree under {@code parent/app}. */
  private static Path tree(Path parent, String mainContent) throws Exception {
    Path app = Files.createDirectories(parent.resolve("app"));
    Files.createDirectories(app.resolve("lib"));
    Files.writeString(app.resolve("main.py"), mainContent);
    Files.writeString(app.resolve("lib").resolve("util.py"), "def f(): return 1\n");
    return app;
  }

  private static String measure(Path... paths) {
    String[] args = new String[paths.length + 2];
    args[0] = "attest";
    args[1] = "measure";
    for (int i = 0; i < paths.length; i++) {
      args[i + 2] = paths[i].toString();
    }
    CliRun run = CliRun.run(args);
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    return run.out();
  }

  @Test
  void theSameTree_measuresTheSame_twice_andWherever_itLies() throws Exception {
    Path a = tree(dir.resolve("a"), "print('hello')\n");
    Path b = tree(dir.resolve("b"), "print('hello')\n");

    assertThat(measure(a)).isEqualTo(measure(a)).isEqualTo(measure(b));
  }

  @Test
  void treesDifferingInOneFile_measureDifferently() throws Exception {
    Path a = tree(dir.resolve("a"), "print('hello')\n");
    Path b = tree(dir.resolve("b"), "print('hellO')\n");

    assertThat(measure(a)).isNotEqualTo(measure(b));
  }

  @Test
  void theMeasurement_isTheSimulationPackagesHex_onOneLine() throws Exception {
    Path a = tree(dir, "print('hello')\n");

    assertThat(measure(a))
        .isEqualTo(HexFormat.of().formatHex(Measurement.of(List.of(a))) + "\n")
        .matches("[0-9a-f]{64}\n");
  }

  @Test
  void json_carriesTheSameMeasurement() throws Exception {
    Path a = tree(dir, "print('hello')\n");

    CliRun run = CliRun.run("attest", "measure", a.toString(), "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(new ObjectMapper().readTree(run.out()).get("measurement").asText() + "\n")
        .isEqualTo(measure(a));
  }

  @Test
  void aMissingPath_isAUsageError() {
    CliRun run = CliRun.run("attest", "measure", dir.resolve("missing").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest measure: ").contains("missing");
  }

  @Test
  void twoPathsWithTheSameName_areAUsageError() throws Exception {
    Path a = tree(dir.resolve("a"), "x");
    Path b = tree(dir.resolve("b"), "y");

    CliRun run = CliRun.run("attest", "measure", a.toString(), b.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("two paths named 'app'");
  }

  @Test
  void noPath_isAUsageError() {
    assertThat(CliRun.run("attest", "measure").exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
