package io.coffer.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class NarratorTest {

  @Test
  void steps_printOneNumberedLineEach_andAFailureStopsWithItsReason() {
    StringWriter text = new StringWriter();
    Narrator n = new Narrator(new PrintWriter(text), 3);

    n.step("first", () -> "fine");
    assertThatThrownBy(() ->
            n.step(
                "second",
                () -> {
                  throw new IllegalStateException("the CAS said no");
                }))
        .isInstanceOf(Narrator.Failure.class)
        .hasMessage("second: the CAS said no");

    assertThat(text.toString())
        .contains("[ 1/3] first ... ok (")
        .contains("): fine")
        .contains("[ 2/3] second ... FAILED (")
        .contains("the CAS said no");
    assertThat(n.outcomes()).hasSize(2);
    assertThat(n.outcomes().get(0).ok()).isTrue();
    assertThat(n.outcomes().get(1).ok()).isFalse();
  }
}
