package io.coffer.cas.store;

import io.coffer.cas.service.CasException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes policies with their ledger entries through a SQLite {@link JdbcCasStore} from many threads
 * until it is killed, printing {@code <index> <name>} for each write once it is acknowledged.
 * {@link JdbcCasStoreCrashTest} runs it in a child JVM and kills it.
 *
 * <p>Arguments: the database file, the number of threads, and a round number that keeps names
 * apart. It exits by itself after {@link #LIFETIME_MS}.
 */
final class CrashingCasWriter {

  static final long LIFETIME_MS = 30_000;

  private CrashingCasWriter() {}

  static String event(String name) {
    return "policy.created " + name;
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    String round = args[2];
    FileOutputStream out = new FileOutputStream(FileDescriptor.out);
    JdbcCasStore store = JdbcCasStore.sqlite(file);
    for (int t = 0; t < threads; t++) {
      String prefix = "r" + round + "-t" + t + "-";
      Thread.ofPlatform().daemon().start(() -> writeForever(store, prefix, out));
    }
    Thread.sleep(LIFETIME_MS);
    System.exit(3);
  }

  private static void writeForever(JdbcCasStore store, String prefix, FileOutputStream out) {
    for (long counter = 0; ; counter++) {
      String name = prefix + counter;
      try {
        long index =
            store.write(tx -> {
              tx.insertPolicy(new PolicyRow(name, "crash", Instant.EPOCH, 1, "h"));
              return tx.appendEvent(event(name).getBytes(StandardCharsets.UTF_8));
            });
        acknowledge(out, index + " " + name + "\n");
      } catch (CasException e) {
        System.err.println("write failed: " + e.getMessage());
      }
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
