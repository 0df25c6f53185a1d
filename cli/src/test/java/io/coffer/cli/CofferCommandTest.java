package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.LogFormat;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import picocli.CommandLine;

class CofferCommandTest {

  private static LogConfig parse(String... args) {
    CommandLine cl = Main.commandLine();
    cl.parseArgs(args);
    return ((CofferCommand) cl.getCommand()).logConfig();
  }

  @Test
  void defaults_areTextAtInfo_withoutStackTraces() {
    LogConfig config = parse("version");

    assertThat(config.format()).isEqualTo(LogFormat.TEXT);
    assertThat(config.threshold()).isEqualTo(Level.INFO);
    assertThat(config.stackTraces()).isFalse();
  }

  @Test
  void debug_impliesDebugLevel_andStackTraces() {
    LogConfig config = parse("version", "--debug");

    assertThat(config.threshold()).isEqualTo(Level.DEBUG);
    assertThat(config.stackTraces()).isTrue();
  }

  @Test
  void explicitLevel_winsOverDebug() {
    LogConfig config = parse("--debug", "--log-level", "warn", "version");

    assertThat(config.threshold()).isEqualTo(Level.WARN);
  }

  @Test
  void logFormat_json_isAcceptedInLowerCase_afterTheSubcommand() {
    LogConfig config = parse("version", "--log-format=json");

    assertThat(config.format()).isEqualTo(LogFormat.JSON);
  }
}
