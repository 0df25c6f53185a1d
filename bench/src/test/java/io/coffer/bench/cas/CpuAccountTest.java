package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuAccountTest {

  @Test
  void figures_dividedByTheOperations() {
    CpuAccount a =
        new CpuAccount(
            Optional.of(Duration.ofMillis(500)), Optional.of(Duration.ofSeconds(2)), 1_000);

    assertThat(a.casMillisPerOperation()).hasValue(0.5);
    assertThat(a.operationsPerCasCoreSecond()).hasValue(2_000.0);
    assertThat(a.loadGeneratorMillisPerOperation()).hasValue(2.0);
  }

  @Test
  void anUnknownCpuTime_givesNoFigure() {
    CpuAccount a = new CpuAccount(Optional.empty(), Optional.of(Duration.ofSeconds(1)), 1_000);

    assertThat(a.casMillisPerOperation()).isEmpty();
    assertThat(a.operationsPerCasCoreSecond()).isEmpty();
    assertThat(a.loadGeneratorMillisPerOperation()).hasValue(1.0);
  }

  @Test
  void noOperation_givesNoFigure() {
    CpuAccount a =
        new CpuAccount(Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofSeconds(1)), 0);

    assertThat(a.casMillisPerOperation()).isEmpty();
    assertThat(a.operationsPerCasCoreSecond()).isEmpty();
    assertThat(a.loadGeneratorMillisPerOperation()).isEmpty();
  }

  @Test
  void zeroCasCpu_givesNoRate_ratherThanAnInfiniteOne() {
    CpuAccount a = new CpuAccount(Optional.of(Duration.ZERO), Optional.empty(), 10);

    assertThat(a.casMillisPerOperation()).hasValue(0.0);
    assertThat(a.operationsPerCasCoreSecond()).isEmpty();
  }

  @Test
  void negativeTimesOrCounts_areRefused() {
    assertThatThrownBy(
            () -> new CpuAccount(Optional.of(Duration.ofMillis(-1)), Optional.empty(), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new CpuAccount(Optional.empty(), Optional.of(Duration.ofMillis(-1)), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CpuAccount(Optional.empty(), Optional.empty(), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
