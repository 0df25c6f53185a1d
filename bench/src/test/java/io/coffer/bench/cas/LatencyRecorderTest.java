package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

  @Test
  void summarise_mergesEveryRecorder_inOrder() {
    LatencyRecorder a = new LatencyRecorder();
    LatencyRecorder b = new LatencyRecorder();
    for (int i = 1000; i >= 1; i--) {
      (i % 2 == 0 ? a : b).record(i);
    }

    LatencySummary s = LatencyRecorder.summarise(List.of(a, b));

    assertThat(s.count()).isEqualTo(1000);
    assertThat(s.p50()).isEqualTo(Duration.ofNanos(500));
    assertThat(s.max()).isEqualTo(Duration.ofNanos(1000));
  }

  @Test
  void record_growsPastItsFirstCapacity() {
    LatencyRecorder r = new LatencyRecorder();
    for (int i = 0; i < 5000; i++) {
      r.record(i);
    }

    assertThat(r.size()).isEqualTo(5000);
    assertThat(r.dropped()).isZero();
  }

  @Test
  void record_negativeLatency_fails() {
    assertThatThrownBy(() -> new LatencyRecorder().record(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summarise_noRecorders_isEmpty() {
    assertThat(LatencyRecorder.summarise(List.of()).count()).isZero();
  }
}
