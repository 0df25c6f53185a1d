package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void new_fractionOutsideZeroToOne_refused() {
    assertThatThrownBy(() -> new Metrics(1.01, 0.5, 0.5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("accuracy");
    assertThatThrownBy(() -> new Metrics(0.5, Double.NaN, 0.5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("precision");
    assertThatThrownBy(() -> new Metrics(0.5, 0.5, -0.1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recall");
  }

  @Test
  void new_noRows_refused() {
    assertThatThrownBy(() -> new Metrics(0.5, 0.5, 0.5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Metrics(0.5, 0.5, 0.5, 1, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
