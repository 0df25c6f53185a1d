package io.coffer.bench.ledger;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.store.JdbcLogStore;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Proof generation on a log of a million entries in a SQLite file, with the default ledger options
 * (tree levels from 4 up cached in memory, the lower levels read from the store: one query per
 * proof). Indices and tree sizes are random for each operation.
 *
 * <p>Target: under 100 µs per proof. The log is built once per trial, through the ledger in large
 * batches, then opened again as a restarted server would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SqliteProofBenchmark {

  private static final int ENTRY_BYTES = 100;
  private static final int CHUNK = 65_536;

  @Param("1000000")
  public int entries;

  private TempDatabase database;
  private JdbcLogStore store;
  private Ledger ledger;

  /** Each thread's random choices. */
  @State(Scope.Thread)
  public static class Choices {
    final SplittableRandom random = new SplittableRandom(42);
  }

  @Setup(Level.Trial)
  public void build() throws Exception {
    database = new TempDatabase("proof-bench");
    store = JdbcLogStore.sqlite(database.file());
    LedgerOptions bulk = new LedgerOptions(LedgerOptions.MAX_TILES_ENTRY_BYTES, CHUNK, 4);
    try (Ledger builder = Ledger.open(store, bulk)) {
      SplittableRandom random = new SplittableRandom(1);
      byte[] entry = new byte[ENTRY_BYTES];
      for (int done = 0; done < entries; ) {
        int n = Math.min(CHUNK, entries - done);
        List<CompletableFuture<Long>> chunk = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          random.nextBytes(entry);
          chunk.add(builder.append(entry));
        }
        CompletableFuture.allOf(chunk.toArray(CompletableFuture[]::new)).join();
        done += n;
      }
    }
    ledger = Ledger.open(store, LedgerOptions.defaults());
    if (ledger.size() != entries) {
      throw new IllegalStateException("built " + ledger.size() + " entries, not " + entries);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    ledger.close();
    store.close();
    database.close();
  }

  @Benchmark
  public InclusionProof inclusionProof(Choices c) throws LedgerException {
    long size = 1 + c.random.nextLong(entries);
    return ledger.inclusionProof(c.random.nextLong(size), size);
  }

  @Benchmark
  public InclusionProof inclusionProofAtLatestSize(Choices c) throws LedgerException {
    return ledger.inclusionProof(c.random.nextLong(entries), entries);
  }

  @Benchmark
  public ConsistencyProof consistencyProof(Choices c) throws LedgerException {
    long size2 = 1 + c.random.nextLong(entries);
    return ledger.consistencyProof(1 + c.random.nextLong(size2), size2);
  }
}
