package io.coffer.bench.cas;

import java.time.Duration;
import java.util.Objects;

/**
 * Latency percentiles over every sample, by the nearest-rank method: the p-th percentile is the
 * smallest sample that at least p% of the samples do not exceed.
 *
 * @param count samples
 * @param dropped samples not kept (past {@link LatencyRecorder#MAX_SAMPLES} per worker)
 * @param p50 the median
 * @param p90 the 90th percentile
 * @param p99 the 99th percentile
 * @param p999 the 99.9th percentile
 * @param max the largest sample
 */
record LatencySummary(
    long count,
    long dropped,
    Duration p50,
    Duration p90,
    Duration p99,
    Duration p999,
    Duration max) {

  LatencySummary {
    Objects.requireNonNull(p50, "p50");
    Objects.requireNonNull(p90, "p90");
    Objects.requireNonNull(p99, "p99");
    Objects.requireNonNull(p999, "p999");
    Objects.requireNonNull(max, "max");
    if (count < 0 || dropped < 0) {
      throw new IllegalArgumentException("negative counts");
    }
  }

  /** The summary of {@code sorted} (ascending nanoseconds); all zero when it is empty. */
  static LatencySummary ofSorted(long[] sorted, long dropped) {
    if (sorted.length == 0) {
      return new LatencySummary(
          0, dropped, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
    return new LatencySummary(
        sorted.length,
        dropped,
        Duration.ofNanos(rank(sorted, 50, 100)),
        Duration.ofNanos(rank(sorted, 90, 100)),
        Duration.ofNanos(rank(sorted, 99, 100)),
        Duration.ofNanos(rank(sorted, 999, 1000)),
        Duration.ofNanos(sorted[sorted.length - 1]));
  }

  /** The nearest-rank percentile {@code num/den}: the sample at rank ceil(n * num / den). */
  private static long rank(long[] sorted, long num, long den) {
    long n = sorted.length;
    long rank = (n * num + den - 1) / den;
    return sorted[(int) Math.max(0, rank - 1)];
  }
}
