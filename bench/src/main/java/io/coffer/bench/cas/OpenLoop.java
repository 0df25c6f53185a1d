package io.coffer.bench.cas;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop at a fixed offered rate: request {@code k} is due at {@code start + k / rate},
 * whatever happened to the earlier ones. A pool of workers (each one client with its own
 * connection) takes the requests in order, waits for each one's due time and sends it. A request's
 * latency runs from its due time, not from when a worker got to it, so time spent waiting for a
 * free worker counts (no coordinated omission).
 *
 * <p>The requests answered during the measured period count, with their latencies. Sending stops at
 * its end: requests due by then that no worker could send are {@link Measurement#unsent} (the
 * backlog). A CAS that keeps up leaves no backlog; one that does not shows its capacity as the
 * throughput, and latencies that grow with the backlog.
 *
 * <p>The warm-up is a closed loop: every worker sends its next request as soon as the last one is
 * answered, which warms the CAS (its JIT, its caches, the connections) at full load and leaves no
 * backlog behind. The schedule starts when the warm-up has ended: a CAS still cold when the first
 * requests were due would otherwise carry their backlog into the measured period, and its latencies
 * would be those of the start-up, not of the offered rate.
 *
 * <p>Each worker runs on a platform thread of its own, apart from the server's virtual threads.
 */
final class OpenLoop {

  private OpenLoop() {}

  /**
   * Offers {@code rate} requests per second over the warm-up and the measured period. Tells {@code
   * window} when that period opens and closes.
   */
  static Measurement run(
      List<ClientOperation> operations,
      int rate,
      Duration warmup,
      Duration duration,
      MeasuredWindow window)
      throws InterruptedException {
    warmUp(operations, warmup);
    long start = System.nanoTime();
    Schedule schedule =
        new Schedule(
            start, rate, start, start + duration.toNanos(), new AtomicLong(), new AtomicLong());
    List<WorkerStats> stats = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      ClientOperation op = operations.get(i);
      WorkerStats s = new WorkerStats();
      stats.add(s);
      threads.add(Thread.ofPlatform().name("open-loop-" + i).start(() -> work(op, s, schedule)));
    }
    window.follow(schedule.measureFrom(), schedule.measureTo());
    for (Thread t : threads) {
      t.join();
    }
    long due = schedule.dueBefore(schedule.measureTo());
    return new Measurement(
        WorkerStats.merge(stats),
        duration,
        OptionalInt.of(rate),
        Math.max(0, due - schedule.sent().get()));
  }

  /** Runs every operation back to back until {@code warmup} has passed; nothing is kept. */
  private static void warmUp(List<ClientOperation> operations, Duration warmup)
      throws InterruptedException {
    if (!warmup.isZero()) {
      ClosedLoop.run(operations, Duration.ZERO, warmup, MeasuredWindow.IGNORED);
    }
  }

  /** The due times: request {@code k} at {@code start + k * 10^9 / rate} nanoseconds. */
  private record Schedule(
      long start, int rate, long measureFrom, long measureTo, AtomicLong tickets, AtomicLong sent) {

    long due(long k) {
      return start + Math.round(k * 1e9 / rate);
    }

    /** How many requests are due before {@code t}. */
    long dueBefore(long t) {
      return (long) Math.ceil((t - start) * (double) rate / 1e9);
    }

    /** Whether a request answered at {@code t} counts. */
    boolean measured(long t) {
      return t - measureFrom >= 0 && t - measureTo < 0;
    }
  }

  private static void work(ClientOperation op, WorkerStats stats, Schedule schedule) {
    while (true) {
      long k = schedule.tickets().getAndIncrement();
      long due = schedule.due(k);
      long now = System.nanoTime();
      if (due - schedule.measureTo() >= 0 || now - schedule.measureTo() >= 0) {
        return;
      }
      while (due - now > 0) {
        LockSupport.parkNanos(due - now);
        now = System.nanoTime();
      }
      schedule.sent().incrementAndGet();
      boolean ok;
      long end;
      Exception failure = null;
      try {
        op.call();
        ok = true;
      } catch (Exception e) {
        ok = false;
        failure = e;
      }
      end = System.nanoTime();
      if (schedule.measured(end)) {
        if (ok) {
          stats.succeeded(end - due);
        } else {
          stats.failed(end - due, failure);
        }
      }
      try {
        op.between(ok);
      } catch (Exception e) {
        if (schedule.measured(System.nanoTime())) {
          stats.error(e);
        }
      }
    }
  }
}
