package io.coffer.ledger.store;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * Appends to a SQLite log from many threads until it is killed, printing {@code <index> <entry>}
 * for each append once its future completed, that is once it is durable. {@link
 * JdbcLogStoreCrashTest} runs it in a child JVM and kills it.
 *
 * <p>Arguments: the database file and the number of appending threads. It exits by itself after
 * {@link #LIFETIME_MS} so that it never outlives a test that failed to kill it.
 */
final class CrashingAppender {

  static final long LIFETIME_MS = 30_000;
  private static final int IN_FLIGHT_PER_THREAD = 32;

  private CrashingAppender() {}

  static String entry(int thread, long counter) {
    return "crash-test thread " + thread + " entry " + counter;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    JdbcLogStore store = JdbcLogStore.sqlite(file);
    Ledger ledger = Ledger.open(store, LedgerOptions.defaults());
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread.ofPlatform().daemon().start(() -> appendForever(ledger, thread, out));
    }
    Thread.sleep(LIFETIME_MS);
    System.exit(3);
  }

  private static void appendForever(Ledger ledger, int thread, FileOutputStream out) {
    Semaphore inFlight = new Semaphore(IN_FLIGHT_PER_THREAD);
    for (long counter = 0; ; counter++) {
      inFlight.acquireUninterruptibly();
      String entry = entry(thread, counter);
      ledger
          .append(entry.getBytes(StandardCharsets.UTF_8))
          .whenComplete((index, failure) -> {
            inFlight.release();
            if (index != null) {
              acknowledge(out, index + " " + entry + "\n");
            }
          });
    }
  }

  /** One write per line: a pipe keeps a write this small whole even when the process dies. */
  private static void acknowledge(FileOutputStream out, String line) {
    try {
      synchronized (out) {
        out.write(line.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
