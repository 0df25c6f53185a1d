package io.coffer.bench.ledger;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TilesVerifier;
import io.coffer.ledger.tiles.TilesWriter;
import io.coffer.ledger.tiles.VerifiedTiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The offline audit of a whole published log ({@code coffer audit verify} without the signature
 * check): read every entry bundle and hash tile of a C2SP tlog-tiles directory and recompute the
 * tree. Entries are about 100-byte JSON events.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class TilesVerifyBenchmark {

  @Param("1000000")
  public int entries;

  private Path directory;
  private TreeHead head;

  @Setup(Level.Trial)
  public void publish() throws Exception {
    directory = Files.createTempDirectory("coffer-tiles-bench");
    try (Ledger ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults())) {
      List<CompletableFuture<Long>> pending = new ArrayList<>();
      for (int i = 0; i < entries; i++) {
        pending.add(
            ledger.append(
                ("{\"event\":\"attestation.succeeded\",\"policy\":\"hospital/data\",\"n\":"
                        + i
                        + "}")
                    .getBytes(StandardCharsets.UTF_8)));
        if (pending.size() == 65_536) {
          pending.forEach(CompletableFuture::join);
          pending.clear();
        }
      }
      pending.forEach(CompletableFuture::join);
      head = ledger.head();
      byte[] unsignedCheckpoint = ("bench\n" + head.size() + "\n").getBytes(StandardCharsets.UTF_8);
      TilesWriter.open(directory).export(ledger, head.size(), unsignedCheckpoint);
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws Exception {
    try (var files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Verifies every bundle and tile of the directory against the tree head. */
  @Benchmark
  public VerifiedTiles verifyWholeLog() throws Exception {
    return TilesVerifier.verify(TileReader.open(directory), head);
  }
}
