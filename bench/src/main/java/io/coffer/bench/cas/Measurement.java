package io.coffer.bench.cas;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a driver measured.
 *
 * @param counts successes, errors and latencies of the requests of the measured period (closed
 *     loop: those started in it; open loop: those answered in it)
 * @param window the measured period
 * @param offered the open loop's offered rate per second; empty for a closed loop
 * @param unsent open loop: requests due by the end of the measured period that no worker had sent
 *     by then (the backlog: the offered rate was not sustained)
 */
record Measurement(WorkerStats.Merged counts, Duration window, OptionalInt offered, long unsent) {

  Measurement {
    Objects.requireNonNull(counts, "counts");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(offered, "offered");
    if (window.isNegative() || window.isZero() || unsent < 0) {
      throw new IllegalArgumentException("an empty window or a negative count");
    }
  }

  /** Successful requests per second of the window. */
  double throughput() {
    return counts.ok() * 1e9 / window.toNanos();
  }
}
