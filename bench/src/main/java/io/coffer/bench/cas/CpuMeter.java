package io.coffer.bench.cas;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the total CPU time of the CAS's process and of the load generator's when the measured
 * period opens and when it closes ({@link ProcessHandle.Info#totalCpuDuration}: all threads, user
 * and system). A time the platform does not give, at either end, stays unknown.
 */
final class CpuMeter implements MeasuredWindow {

  private final ProcessHandle cas;
  private final ProcessHandle loadGenerator;
  private volatile Reading start;
  private volatile Reading end;

  /** A meter of {@code cas}'s process and this one. */
  CpuMeter(ProcessHandle cas) {
    this(cas, ProcessHandle.current());
  }

  CpuMeter(ProcessHandle cas, ProcessHandle loadGenerator) {
    this.cas = Objects.requireNonNull(cas, "cas");
    this.loadGenerator = Objects.requireNonNull(loadGenerator, "loadGenerator");
  }

  private record Reading(Optional<Duration> cas, Optional<Duration> loadGenerator) {}

  private Reading read() {
    return new Reading(cpu(cas), cpu(loadGenerator));
  }

  private static Optional<Duration> cpu(ProcessHandle process) {
    return process.info().totalCpuDuration();
  }

  @Override
  public void opened() {
    start = read();
  }

  @Override
  public void closed() {
    end = read();
  }

  /**
   * The CPU time between the two readings, for {@code operations} successful operations.
   *
   * @throws IllegalStateException if the window was not opened and closed
   */
  CpuAccount account(long operations) {
    Reading s = start;
    Reading e = end;
    if (s == null || e == null) {
      throw new IllegalStateException("the measured period was not opened and closed");
    }
    return new CpuAccount(
        between(s.cas(), e.cas()), between(s.loadGenerator(), e.loadGenerator()), operations);
  }

  /** The time from {@code from} to {@code to}; unknown if either is, or if time went backwards. */
  private static Optional<Duration> between(Optional<Duration> from, Optional<Duration> to) {
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    Duration d = to.get().minus(from.get());
    return d.isNegative() ? Optional.empty() : Optional.of(d);
  }
}
