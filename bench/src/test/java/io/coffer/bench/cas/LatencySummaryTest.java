package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {

  @Test
  void ofSorted_oneToHundred_givesTheNearestRanks() {
    LatencySummary s = LatencySummary.ofSorted(LongStream.rangeClosed(1, 100).toArray(), 0);

    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50()).isEqualTo(Duration.ofNanos(50));
    assertThat(s.p90()).isEqualTo(Duration.ofNanos(90));
    assertThat(s.p99()).isEqualTo(Duration.ofNanos(99));
    assertThat(s.p999()).isEqualTo(Duration.ofNanos(100));
    assertThat(s.max()).isEqualTo(Duration.ofNanos(100));
  }

  @Test
  void ofSorted_aThousandSamples_p999IsTheSecondLargest() {
    LatencySummary s = LatencySummary.ofSorted(LongStream.rangeClosed(1, 1000).toArray(), 0);

    assertThat(s.p999()).isEqualTo(Duration.ofNanos(999));
    assertThat(s.max()).isEqualTo(Duration.ofNanos(1000));
  }

  @Test
  void ofSorted_oneSample_isEveryPercentile() {
    LatencySummary s = LatencySummary.ofSorted(new long[] {7}, 3);

    assertThat(s.p50()).isEqualTo(s.max()).isEqualTo(Duration.ofNanos(7));
    assertThat(s.p99()).isEqualTo(Duration.ofNanos(7));
    assertThat(s.dropped()).isEqualTo(3);
  }

  @Test
  void ofSorted_noSamples_isAllZero() {
    LatencySummary s = LatencySummary.ofSorted(new long[0], 0);

    assertThat(s.count()).isZero();
    assertThat(s.p99()).isZero();
    assertThat(s.max()).isZero();
  }

  @Test
  void constructor_negativeCount_fails() {
    assertThatThrownBy(() ->
            new LatencySummary(
                -1, 0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
