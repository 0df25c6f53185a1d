package io.coffer.cli.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SystemLoggerAdapterTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  @BeforeEach
  void capture() {
    Logging.configure(
        new LogConfig(
            org.slf4j.event.Level.INFO,
            LogFormat.TEXT,
            new PrintStream(captured, true, StandardCharsets.UTF_8),
            false));
  }

  @AfterEach
  void reset() {
    Logging.configure(LogConfig.defaults());
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jdkLoggerFinder_isCoffers() {
    assertThat(System.LoggerFinder.getLoggerFinder()).isInstanceOf(CofferLoggerFinder.class);
  }

  @Test
  void systemLogger_writesThroughTheCofferBackend_withMessageFormat() {
    System.getLogger("io.helidon.webserver.Test")
        .log(Level.WARNING, "listening on {0}", "127.0.0.1:8443");

    assertThat(output())
        .hasLineCount(1)
        .contains("WARN  io.helidon.webserver.Test: listening on 127.0.0.1:8443");
  }

  @Test
  void systemLogger_honoursTheThreshold() {
    System.Logger logger = System.getLogger("io.coffer.test.Jdk");

    logger.log(Level.DEBUG, "hidden");
    logger.log(Level.ERROR, "shown", new IllegalStateException("bad"));

    assertThat(logger.isLoggable(Level.DEBUG)).isFalse();
    assertThat(logger.isLoggable(Level.INFO)).isTrue();
    assertThat(logger.isLoggable(Level.OFF)).isFalse();
    assertThat(output())
        .doesNotContain("hidden")
        .contains("ERROR io.coffer.test.Jdk: shown error=java.lang.IllegalStateException: bad");
  }

  @Test
  void levels_mapOneToOne() {
    assertThat(SystemLoggerAdapter.toSlf4j(Level.ALL)).isEqualTo(org.slf4j.event.Level.TRACE);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.TRACE)).isEqualTo(org.slf4j.event.Level.TRACE);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.DEBUG)).isEqualTo(org.slf4j.event.Level.DEBUG);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.INFO)).isEqualTo(org.slf4j.event.Level.INFO);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.WARNING)).isEqualTo(org.slf4j.event.Level.WARN);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.ERROR)).isEqualTo(org.slf4j.event.Level.ERROR);
    assertThat(SystemLoggerAdapter.toSlf4j(Level.OFF)).isNull();
  }
}
