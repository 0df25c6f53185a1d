package io.coffer.bench.cas;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the CPU time of the measured period was split between the CAS's process and the load
 * generator's (the clients and the harness), and what that makes per successful operation.
 *
 * <p>Each CPU time is empty when the platform does not give it: then no figure is made from it.
 *
 * @param cas the CAS process's CPU time (all its threads, user and system) over the measured period
 * @param loadGenerator the load generator's CPU time over the same period
 * @param operations the successful operations of the measured period
 */
record CpuAccount(Optional<Duration> cas, Optional<Duration> loadGenerator, long operations) {

  CpuAccount {
    Objects.requireNonNull(cas, "cas");
    Objects.requireNonNull(loadGenerator, "loadGenerator");
    if (cas.filter(Duration::isNegative).isPresent()
        || loadGenerator.filter(Duration::isNegative).isPresent()
        || operations < 0) {
      throw new IllegalArgumentException("a negative CPU time or count");
    }
  }

  /** The CAS's CPU time per operation, in milliseconds. */
  OptionalDouble casMillisPerOperation() {
    return perOperation(cas);
  }

  /**
   * Operations per second of the CAS's CPU time: what one core would serve with the clients
   * elsewhere, if the CAS's cost per operation stayed the same.
   */
  OptionalDouble operationsPerCasCoreSecond() {
    if (cas.isEmpty() || cas.get().isZero() || operations == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(operations * 1e9 / cas.get().toNanos());
  }

  /** The load generator's CPU time per operation, in milliseconds. */
  OptionalDouble loadGeneratorMillisPerOperation() {
    return perOperation(loadGenerator);
  }

  private OptionalDouble perOperation(Optional<Duration> cpu) {
    if (cpu.isEmpty() || operations == 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(cpu.get().toNanos() / 1e6 / operations);
  }
}
