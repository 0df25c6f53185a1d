package io.coffer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorReporterTest {

  @Test
  void oneLine_joinsLines() {
    assertThat(ErrorReporter.oneLine("first\n  second\r\nthird")).isEqualTo("first; second; third");
  }

  @Test
  void oneLine_replacesControlCharacters() {
    assertThat(ErrorReporter.oneLine("bell\u0007 esc\u001b[31m")).isEqualTo("bell? esc?[31m");
  }

  @Test
  void oneLine_boundsLength() {
    String flat = ErrorReporter.oneLine("x".repeat(10_000));

    assertThat(flat).hasSize(300).endsWith("...");
  }

  @Test
  void oneLine_ofNothing_saysFailed() {
    assertThat(ErrorReporter.oneLine(null)).isEqualTo("failed");
    assertThat(ErrorReporter.oneLine("  ")).isEqualTo("failed");
  }
}
