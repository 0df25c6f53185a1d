package io.coffer.bench.cas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A closed loop: each client sends its next request as soon as the last one is answered, for a
 * warm-up and then for the measured period. Measures the most the CAS serves with that many
 * concurrent clients, and the latency at that (saturating) load.
 *
 * <p>Each client runs on a platform thread of its own, apart from the server's virtual threads.
 */
final class ClosedLoop {

  private ClosedLoop() {}

  /**
   * Runs {@code operations}, one client each; requests started in the measured period count. Tells
   * {@code window} when that period opens and closes.
   */
  static Measurement run(
      List<ClientOperation> operations, Duration warmup, Duration duration, MeasuredWindow window)
      throws InterruptedException {
    long start = System.nanoTime();
    long measureFrom = start + warmup.toNanos();
    long measureTo = measureFrom + duration.toNanos();
    List<WorkerStats> stats = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      ClientOperation op = operations.get(i);
      WorkerStats s = new WorkerStats();
      stats.add(s);
      threads.add(
          Thread.ofPlatform()
              .name("closed-loop-" + i)
              .start(() -> loop(op, s, measureFrom, measureTo)));
    }
    window.follow(measureFrom, measureTo);
    for (Thread t : threads) {
      t.join();
    }
    return new Measurement(WorkerStats.merge(stats), duration, OptionalInt.empty(), 0);
  }

  private static void loop(ClientOperation op, WorkerStats stats, long measureFrom, long to) {
    while (true) {
      long t0 = System.nanoTime();
      if (t0 - to >= 0) {
        return;
      }
      boolean measured = t0 - measureFrom >= 0;
      boolean ok;
      try {
        op.call();
        ok = true;
        if (measured) {
          stats.succeeded(System.nanoTime() - t0);
        }
      } catch (Exception e) {
        ok = false;
        if (measured) {
          stats.failed(System.nanoTime() - t0, e);
        }
      }
      try {
        op.between(ok);
      } catch (Exception e) {
        if (measured) {
          stats.error(e);
        }
      }
    }
  }
}
