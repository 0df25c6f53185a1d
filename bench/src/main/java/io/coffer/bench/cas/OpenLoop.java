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
 * connection) takes the requests in order, waits for each one's due time and sends it; a request's
 * latency runs from its due time, not from when a worker got to it, so time spent waiting for a
 * free worker counts (no coordinated omission). If the CAS falls behind, latencies grow; requests
 * still unsent {@link #DRAIN_LIMIT} after the end are counted as unsent.
 *
 * <p>Each worker runs on a platform thread of its own, apart from the server's virtual threads.
 */
final class OpenLoop {

  /** How long past the measured period workers keep sending requests that were due in it. */
  static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

  private OpenLoop() {}

  /** Offers {@code rate} requests per second over the warm-up and the measured period. */
  static Measurement run(
      List<ClientOperation> operations, int rate, Duration warmup, Duration duration)
      throws InterruptedException {
    long start = System.nanoTime();
    Schedule schedule =
        new Schedule(
            start,
            rate,
            start + warmup.toNanos(),
            start + warmup.toNanos() + duration.toNanos(),
            new AtomicLong(),
            new AtomicLong());
    List<WorkerStats> stats = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      ClientOperation op = operations.get(i);
      WorkerStats s = new WorkerStats();
      stats.add(s);
      threads.add(Thread.ofPlatform().name("open-loop-" + i).start(() -> work(op, s, schedule)));
    }
    for (Thread t : threads) {
      t.join();
    }
    long due = schedule.dueBefore(schedule.measureTo());
    long unclaimed = Math.max(0, due - schedule.tickets().get());
    return new Measurement(
        WorkerStats.merge(stats),
        duration,
        OptionalInt.of(rate),
        schedule.abandoned().get() + unclaimed);
  }

  /** The due times: request {@code k} at {@code start + k * 10^9 / rate} nanoseconds. */
  private record Schedule(
      long start,
      int rate,
      long measureFrom,
      long measureTo,
      AtomicLong tickets,
      AtomicLong abandoned) {

    long due(long k) {
      return start + Math.round(k * 1e9 / rate);
    }

    /** How many requests are due before {@code t}. */
    long dueBefore(long t) {
      return (long) Math.ceil((t - start) * (double) rate / 1e9);
    }
  }

  private static void work(ClientOperation op, WorkerStats stats, Schedule schedule) {
    long drainUntil = schedule.measureTo() + DRAIN_LIMIT.toNanos();
    while (true) {
      long k = schedule.tickets().getAndIncrement();
      long due = schedule.due(k);
      if (due - schedule.measureTo() >= 0) {
        return;
      }
      boolean measured = due - schedule.measureFrom() >= 0;
      long now = System.nanoTime();
      if (now - drainUntil >= 0) {
        if (measured) {
          schedule.abandoned().incrementAndGet();
        }
        continue;
      }
      while (due - now > 0) {
        LockSupport.parkNanos(due - now);
        now = System.nanoTime();
      }
      boolean ok;
      try {
        op.call();
        ok = true;
        if (measured) {
          stats.succeeded(System.nanoTime() - due);
        }
      } catch (Exception e) {
        ok = false;
        if (measured) {
          stats.failed(System.nanoTime() - due, e);
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
