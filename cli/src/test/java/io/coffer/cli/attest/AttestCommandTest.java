package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttestCommandTest {

  @Test
  void help_listsVerifyCollectAndMeasure() {
    CliRun run = CliRun.run("attest", "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .containsPattern("(?m)^  verify ")
        .containsPattern("(?m)^  collect ")
        .containsPattern("(?m)^  measure ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"verify", "collect", "measure"})
  void everySubcommand_printsHelp_withItsExitCodes(String name) {
    CliRun run = CliRun.run("attest", name, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("Usage: coffer attest " + name).contains("Exit 0 ");
  }

  @Test
  void withoutASubcommand_isAUsageError() {
    CliRun run = CliRun.run("attest");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer attest: Missing required subcommand");
  }
}
