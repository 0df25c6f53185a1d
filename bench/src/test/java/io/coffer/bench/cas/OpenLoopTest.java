package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void run_sendsExactlyTheRequestsDueInTheMeasuredPeriod() throws Exception {
    FakeOperation a = new FakeOperation(0);
    FakeOperation b = new FakeOperation(0);

    // 1,000/s: requests 0..99 fall in the 100 ms warm-up, 100..299 in the measured 200 ms.
    Measurement m =
        OpenLoop.run(List.of(a, b), 1_000, Duration.ofMillis(100), Duration.ofMillis(200));

    assertThat(a.calls.get() + b.calls.get()).isEqualTo(300);
    assertThat(m.counts().ok()).isEqualTo(200);
    assertThat(m.counts().errorCount()).isZero();
    assertThat(m.unsent()).isZero();
    assertThat(m.offered()).hasValue(1_000);
    assertThat(m.throughput()).isEqualTo(1_000.0);
  }

  @Test
  void run_failures_areCountedByKind() throws Exception {
    FakeOperation a = new FakeOperation(4);

    Measurement m = OpenLoop.run(List.of(a), 500, Duration.ZERO, Duration.ofMillis(200));

    assertThat(a.calls.get()).isEqualTo(100);
    assertThat(m.counts().ok()).isEqualTo(75);
    assertThat(m.counts().errors()).containsEntry("not-activated", 25L);
    assertThat(a.failedBetweens.get()).isEqualTo(25);
  }
}
