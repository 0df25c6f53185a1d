package io.coffer.fsshield;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs one task per item on a few threads and returns the results in the items' order. The first
 * failure (in item order) is thrown after every task has stopped, so that the caller can clean up
 * knowing that nothing writes any more.
 */
final class Workers {
  /** Most threads, whatever the processors. */
  static final int MAX_THREADS = 4;

  /** One item's work. */
  @FunctionalInterface
  interface Task<I, O> {
    O run(I item) throws IOException, FsShieldException;
  }

  private Workers() {}

  static int threads() {
    return Math.max(1, Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  static <I, O> List<O> map(List<I> items, Task<I, O> task) throws IOException, FsShieldException {
    int threads = threads();
    List<O> out = new ArrayList<>(items.size());
    if (threads == 1 || items.size() < 2) {
      for (I item : items) {
        out.add(task.run(item));
      }
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "coffer-fsshield-seal");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<O>> futures = new ArrayList<>(items.size());
      for (I item : items) {
        futures.add(pool.submit(() -> task.run(item)));
      }
      for (Future<O> f : futures) {
        out.add(get(f));
      }
      return out;
    } finally {
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static <O> O get(Future<O> f) throws IOException, FsShieldException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof FsShieldException fs) {
        throw fs;
      }
      if (c instanceof RuntimeException r) {
        throw r;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    boolean interrupted = false;
    while (true) {
      try {
        if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
