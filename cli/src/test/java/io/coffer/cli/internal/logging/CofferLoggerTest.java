package io.coffer.cli.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

class CofferLoggerTest {

  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
  private final PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
  private final Logger log = LoggerFactory.getLogger("io.coffer.test.Component");

  @AfterEach
  void reset() {
    Logging.configure(LogConfig.defaults());
    MDC.clear();
  }

  private void use(Level threshold, LogFormat format, boolean stackTraces) {
    Logging.configure(new LogConfig(threshold, format, sink, stackTraces));
  }

  private String output() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  private JsonNode onlyJsonLine() throws IOException {
    assertThat(output()).hasLineCount(1);
    return new ObjectMapper().readTree(output());
  }

  @Test
  void slf4j_bindsToCofferBackend() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(CofferLoggerFactory.class);
    assertThat(log).isInstanceOf(CofferLogger.class);
  }

  @Test
  void belowThreshold_writesNothing() {
    use(Level.WARN, LogFormat.TEXT, false);

    log.info("not shown");
    log.debug("not shown");

    assertThat(output()).isEmpty();
    assertThat(log.isInfoEnabled()).isFalse();
    assertThat(log.isWarnEnabled()).isTrue();
  }

  @Test
  void configurationChange_appliesToExistingLoggers() {
    use(Level.ERROR, LogFormat.TEXT, false);
    log.info("hidden");
    use(Level.INFO, LogFormat.TEXT, false);
    log.info("shown");

    assertThat(output()).doesNotContain("hidden").contains("shown");
  }

  @Test
  void text_formatsArguments_andKeyValues() {
    use(Level.INFO, LogFormat.TEXT, false);

    log.atInfo().addKeyValue("policy", "hospital/data").log("admitted {} of {}", 1, 2);

    assertThat(output())
        .hasLineCount(1)
        .matches(
            "\\S+Z INFO  io\\.coffer\\.test\\.Component: admitted 1 of 2 policy=hospital/data\\R");
  }

  @Test
  void text_escapesLineBreaks_soInputCannotForgeLogLines() {
    use(Level.INFO, LogFormat.TEXT, false);

    log.info("name={}", "evil\nINFO  forged: admin logged in\r\u001b[2J");

    assertThat(output())
        .hasLineCount(1)
        .contains("name=evil\\nINFO  forged: admin logged in\\r\\u001b[2J");
  }

  @Test
  void json_isOneObjectPerLine_withTypedKeyValues() throws IOException {
    use(Level.INFO, LogFormat.JSON, false);
    MDC.put("request", "r-42");

    log.atWarn()
        .addKeyValue("size", 7L)
        .addKeyValue("sealed", true)
        .addKeyValue("reason", "x\ny")
        .log("ledger {}", "grew");

    JsonNode line = onlyJsonLine();
    assertThat(line.get("level").asText()).isEqualTo("WARN");
    assertThat(line.get("logger").asText()).isEqualTo("io.coffer.test.Component");
    assertThat(line.get("message").asText()).isEqualTo("ledger grew");
    assertThat(line.get("size").isNumber()).isTrue();
    assertThat(line.get("size").asLong()).isEqualTo(7);
    assertThat(line.get("sealed").asBoolean()).isTrue();
    assertThat(line.get("reason").asText()).isEqualTo("x\ny");
    assertThat(line.get("mdc").get("request").asText()).isEqualTo("r-42");
    assertThat(line.get("time").asText()).endsWith("Z");
  }

  @Test
  void throwable_isSummarised_withoutStackTrace_byDefault() throws IOException {
    use(Level.INFO, LogFormat.JSON, false);

    log.error("store failed", new IllegalStateException("disk full", new IOException("ENOSPC")));

    JsonNode line = onlyJsonLine();
    assertThat(line.get("error").asText())
        .isEqualTo("java.lang.IllegalStateException: disk full <- java.io.IOException: ENOSPC");
    assertThat(line.has("stack")).isFalse();
  }

  @Test
  void throwable_stackTrace_onlyWhenEnabled() throws IOException {
    use(Level.DEBUG, LogFormat.TEXT, true);

    log.error("store failed", new IllegalStateException("disk full"));

    assertThat(output())
        .hasLineCount(1)
        .contains(" stack=java.lang.IllegalStateException: disk full\\n\\tat ");
  }
}
