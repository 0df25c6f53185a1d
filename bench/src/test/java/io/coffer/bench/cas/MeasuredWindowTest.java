package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MeasuredWindowTest {

  @Test
  void follow_opensAtFrom_andClosesAtTo_inThatOrder() throws Exception {
    long start = System.nanoTime();
    RecordingWindow w = new RecordingWindow(() -> System.nanoTime() - start);

    w.follow(start + 20_000_000, start + 40_000_000);

    assertThat(w.events).hasSize(2);
    assertThat(w.events.get(0)).startsWith("opened");
    assertThat(w.events.get(1)).startsWith("closed");
    assertThat(w.countAt(0)).isGreaterThanOrEqualTo(20_000_000);
    assertThat(w.countAt(1)).isGreaterThanOrEqualTo(40_000_000);
  }

  @Test
  void follow_timesAlreadyPast_opensAndClosesAtOnce() throws Exception {
    RecordingWindow w = new RecordingWindow(() -> 0);
    long past = System.nanoTime() - 1_000_000_000;

    w.follow(past, past);

    assertThat(w.events).containsExactly("opened at 0", "closed at 0");
  }
}
