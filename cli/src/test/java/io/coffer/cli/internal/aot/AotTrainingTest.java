package io.coffer.cli.internal.aot;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cli.internal.logging.LogConfig;
import io.coffer.cli.internal.logging.Logging;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class AotTrainingTest {

  @Test
  void main_printsNothing_andRestoresLogging() {
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LogConfig before = Logging.config();
    try (PrintStream capture = new PrintStream(captured, true)) {
      System.setOut(capture);
      System.setErr(capture);
      AotTraining.main(new String[0]);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
    }

    assertThat(captured.toString()).isEmpty();
    assertThat(Logging.config()).isEqualTo(before);
  }
}
