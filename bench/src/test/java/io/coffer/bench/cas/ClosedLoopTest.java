package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  @Test
  void run_countsEveryMeasuredCall_andTellsEachOperationItsOutcome() throws Exception {
    FakeOperation a = new FakeOperation(0);
    FakeOperation b = new FakeOperation(2);

    Measurement m =
        ClosedLoop.run(
            List.of(a, b), Duration.ZERO, Duration.ofMillis(200), MeasuredWindow.IGNORED);

    int calls = a.calls.get() + b.calls.get();
    assertThat(m.counts().ok() + m.counts().errorCount()).isEqualTo(calls);
    assertThat(m.counts().errors()).containsOnlyKeys("not-activated");
    assertThat(m.counts().errorCount()).isEqualTo(b.calls.get() / 2);
    assertThat(b.failedBetweens.get()).isEqualTo(b.calls.get() / 2);
    assertThat(a.failedBetweens.get()).isZero();
    assertThat(m.counts().latency().count()).isEqualTo(calls);
    assertThat(m.offered()).isEmpty();
    assertThat(m.window()).isEqualTo(Duration.ofMillis(200));
  }

  @Test
  void run_callsDuringTheWarmup_areNotCounted() throws Exception {
    FakeOperation a = new FakeOperation(0);

    Measurement m =
        ClosedLoop.run(
            List.of(a), Duration.ofMillis(100), Duration.ofMillis(100), MeasuredWindow.IGNORED);

    assertThat(a.calls.get()).isGreaterThan(0);
    assertThat(m.counts().ok()).isLessThan(a.calls.get());
  }

  @Test
  void run_opensTheWindowAfterTheWarmup_andClosesItWhenTheMeasuredPeriodEnds() throws Exception {
    FakeOperation a = new FakeOperation(0);
    RecordingWindow window = new RecordingWindow(a.calls::get);

    ClosedLoop.run(List.of(a), Duration.ofMillis(100), Duration.ofMillis(100), window);

    assertThat(window.events).hasSize(2);
    assertThat(window.events.get(0)).startsWith("opened");
    assertThat(window.events.get(1)).startsWith("closed");
    assertThat(window.countAt(0)).isPositive(); // the warm-up's calls came first
    assertThat(window.countAt(1)).isGreaterThanOrEqualTo(window.countAt(0));
    assertThat((long) a.calls.get()).isGreaterThanOrEqualTo(window.countAt(1));
  }
}
