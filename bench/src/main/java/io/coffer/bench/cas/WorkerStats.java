package io.coffer.bench.cas;

import io.coffer.cas.client.CasClientException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one worker counted in the measured period: its latencies, its successes and its errors by
 * kind (the CAS's problem type, or the harness's own), and the first error's message. Not for
 * concurrent use: one per worker, {@link #merge merged} after the run.
 */
final class WorkerStats {

  private final LatencyRecorder latencies = new LatencyRecorder();
  private final Map<String, Long> errors = new TreeMap<>();
  private long ok;
  private String firstError;

  /** A request that succeeded after {@code nanos}. */
  void succeeded(long nanos) {
    ok++;
    latencies.record(nanos);
  }

  /** A request that failed after {@code nanos}: counted, and its latency recorded too. */
  void failed(long nanos, Exception e) {
    latencies.record(nanos);
    error(e);
  }

  /** A failure outside a timed request (preparing the next one). */
  void error(Exception e) {
    errors.merge(kind(e), 1L, Long::sum);
    if (firstError == null) {
      firstError = kind(e) + ": " + e.getMessage();
    }
  }

  static String kind(Exception e) {
    return switch (e) {
      case CasClientException c -> c.slug();
      case OperationException o -> o.kind();
      default -> e.getClass().getSimpleName();
    };
  }

  /** The workers' counts together. */
  static Merged merge(List<WorkerStats> workers) {
    long ok = 0;
    Map<String, Long> errors = new TreeMap<>();
    String first = null;
    for (WorkerStats w : workers) {
      ok += w.ok;
      w.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
      if (first == null) {
        first = w.firstError;
      }
    }
    return new Merged(
        ok,
        errors,
        Optional.ofNullable(first),
        LatencyRecorder.summarise(workers.stream().map(w -> w.latencies).toList()));
  }

  /**
   * The merged counts.
   *
   * @param ok successful requests
   * @param errors failed requests and preparations, by kind
   * @param firstError the first error one of the workers saw
   * @param latency every request's latency, failed ones included
   */
  record Merged(
      long ok, Map<String, Long> errors, Optional<String> firstError, LatencySummary latency) {
    Merged {
      errors = Collections.unmodifiableMap(new TreeMap<>(errors));
    }

    long errorCount() {
      return errors.values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
