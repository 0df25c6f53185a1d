package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.Logging;
import io.coffer.cli.testing.CliRun;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MainTest {

  @AfterEach
  void resetLogging() {
    Logging.configure(LogConfig.defaults());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("wiring is broken");
    }
  }

  @Command(name = "deny")
  static final class Deny implements Callable<Integer> {
    @Override
    public Integer call() {
      throw CommandException.no("quote signature invalid\nat offset 48");
    }
  }

  @Command(name = "unreadable")
  static final class Unreadable implements Callable<Integer> {
    @Override
    public Integer call() {
      throw CommandException.badInput(
          "policy.yaml: not readable", new java.io.IOException("permission denied"));
    }
  }

  private static CommandLine withTestCommands() {
    CommandLine cl = Main.commandLine();
    cl.addSubcommand(new Boom());
    cl.addSubcommand(new Deny());
    cl.addSubcommand(new Unreadable());
    return cl;
  }

  @Test
  void help_listsCommandGroups_andExitCodes() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("Usage: coffer")
        .contains("Commands:")
        .containsPattern("(?m)^  demo ")
        .containsPattern("(?m)^  version ")
        .contains("--log-format")
        .contains("Exit codes:");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void version_printsBuildVersion() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).startsWith("coffer 0.").contains("Java ");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "attest",
        "audit",
        "cas",
        "demo",
        "fs",
        "identity",
        "policy",
        "run",
        "secret",
        "version",
        "witness",
        "help"
      })
  void everySubcommand_printsHelp_andExitsZero(String name) {
    CliRun run = CliRun.run(name, "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Usage: coffer " + name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cas attest",
        "cas unseal",
        "policy create",
        "policy read",
        "policy list",
        "policy history",
        "policy propose",
        "policy approve",
        "policy reject",
        "policy withdraw",
        "policy proposals",
        "policy proposal-text",
        "audit fetch",
        "audit events",
        "secret reveal",
        "fs seal",
        "fs verify",
        "fs unseal"
      })
  void casClientCommands_printHelp_andExitZero(String command) {
    String[] words = command.split(" ");
    CliRun run = CliRun.run(words[0], words[1], "--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("Usage: coffer " + command);
  }

  @Test
  void casGroup_listsItsCommands() {
    assertThat(Main.commandLine().getSubcommands().get("cas").getSubcommands().keySet())
        .containsExactlyInAnyOrder("attest", "serve", "unseal");
  }

  @Test
  void everyRegisteredSubcommand_isCoveredByTheHelpTest() {
    assertThat(Main.commandLine().getSubcommands().keySet())
        .containsExactlyInAnyOrder(
            "attest",
            "audit",
            "cas",
            "demo",
            "fs",
            "identity",
            "policy",
            "run",
            "secret",
            "version",
            "witness",
            "help");
  }

  @Test
  void noCommand_isUsageError_onOneLine() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).isEqualTo("coffer: missing command; see 'coffer --help'\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownOption_onSubcommand_isUsageError_namingTheSubcommand() {
    CliRun run = CliRun.run("demo", "--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo("coffer demo: Unknown option: '--bogus'; see 'coffer demo --help'\n");
  }

  @Test
  void misspelledCommand_suggestsTheRightOne() {
    CliRun run = CliRun.run("dmo");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("'dmo'").contains("did you mean 'demo'?").hasLineCount(1);
  }

  @Test
  void invalidGlobalOptionValue_isUsageError() {
    CliRun run = CliRun.run("--log-format", "xml", "version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--log-format").contains("xml").hasLineCount(1);
  }

  @Test
  void internalError_exitsWithInternalCode_withoutStackTrace() {
    CliRun run = CliRun.run(withTestCommands(), "boom");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(run.err())
        .isEqualTo(
            "coffer boom: internal error (IllegalStateException: wiring is broken);"
                + " run with --debug for the stack trace\n");
  }

  @Test
  void internalError_withDebugAfterSubcommand_printsStackTrace() {
    CliRun run = CliRun.run(withTestCommands(), "boom", "--debug");

    assertThat(run.exitCode()).isEqualTo(ExitCode.INTERNAL);
    assertThat(run.err())
        .contains("internal error (IllegalStateException: wiring is broken)")
        .contains("\tat io.coffer.cli.MainTest$Boom.call");
  }

  @Test
  void internalError_withDebugBeforeSubcommand_printsStackTrace() {
    CliRun run = CliRun.run(withTestCommands(), "--debug", "boom");

    assertThat(run.err()).contains("\tat io.coffer.cli.MainTest$Boom.call");
  }

  @Test
  void definiteNo_exitsOne_withTheMessageOnOneLine() {
    CliRun run = CliRun.run(withTestCommands(), "deny");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).isEqualTo("coffer deny: quote signature invalid; at offset 48\n");
  }

  @Test
  void unreadableInput_exitsTwo_andShowsCauseOnlyWithDebug() {
    CliRun plain = CliRun.run(withTestCommands(), "unreadable");
    CliRun debug = CliRun.run(withTestCommands(), "unreadable", "--debug");

    assertThat(plain.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(plain.err()).isEqualTo("coffer unreadable: policy.yaml: not readable\n");
    assertThat(debug.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(debug.err()).contains("Caused by: java.io.IOException: permission denied");
  }
}
