package io.coffer.bench.ledger;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.store.JdbcLogStore;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends per second to a ledger on a SQLite file. One operation is one {@code
 * appendAndWait} of a 200-byte entry: it returns once the entry is synced to disk. With many
 * appending threads the ledger commits their appends together (one transaction, one sync), which is
 * what the 16- and 64-thread variants measure.
 *
 * <p>Target: at least 10,000 appends/s with concurrent appenders on 2 cores. A single appender is
 * bound by the latency of one sync.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SqliteAppendBenchmark {

  static final int ENTRY_BYTES = 200;

  private TempDatabase database;
  private JdbcLogStore store;
  private Ledger ledger;

  /** Each thread's entry: random bytes with a counter in front, so that no two are equal. */
  @State(Scope.Thread)
  public static class Entry {
    private final byte[] bytes = new byte[ENTRY_BYTES];
    private long counter;

    @Setup(Level.Trial)
    public void fill() {
      new SplittableRandom(System.nanoTime()).nextBytes(bytes);
    }

    byte[] next() {
      long c = counter++;
      for (int i = 0; i < Long.BYTES; i++) {
        bytes[i] = (byte) (c >>> (8 * i));
      }
      return bytes; // the ledger copies it
    }
  }

  @Setup(Level.Trial)
  public void open() throws Exception {
    database = new TempDatabase("append-bench");
    store = JdbcLogStore.sqlite(database.file());
    ledger = Ledger.open(store, LedgerOptions.defaults());
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    ledger.close();
    store.close();
    database.close();
  }

  @Benchmark
  @Threads(1)
  public long append1Thread(Entry entry) throws LedgerException {
    return ledger.appendAndWait(entry.next());
  }

  @Benchmark
  @Threads(16)
  public long append16Threads(Entry entry) throws LedgerException {
    return ledger.appendAndWait(entry.next());
  }

  @Benchmark
  @Threads(64)
  public long append64Threads(Entry entry) throws LedgerException {
    return ledger.appendAndWait(entry.next());
  }
}
