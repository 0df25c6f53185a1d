package io.coffer.ledger.tiles;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerException;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.MemoryLogStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Ledgers with known entries, and exports of them, for the tiles tests. */
final class TestLogs {

  private TestLogs() {}

  /** Entry {@code i}: text of varying length, sometimes empty. */
  static byte[] entry(long i) {
    if (i % 97 == 13) {
      return new byte[0];
    }
    return ("entry " + i + " " + "x".repeat((int) (i % 11))).getBytes(StandardCharsets.UTF_8);
  }

  /** A ledger over a memory store holding entries {@code 0 .. count-1}; the caller closes it. */
  static Ledger ledger(long count) throws LedgerException {
    Ledger ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    append(ledger, count);
    return ledger;
  }

  /** Appends entries until the ledger holds {@code count}. */
  static void append(Ledger ledger, long count) throws LedgerException {
    List<CompletableFuture<Long>> pending = new ArrayList<>();
    for (long i = ledger.size(); i < count; i++) {
      pending.add(ledger.append(entry(i)));
    }
    for (CompletableFuture<Long> f : pending) {
      f.join();
    }
  }

  /** A stand-in for a signed checkpoint: this package treats checkpoints as opaque bytes. */
  static byte[] checkpoint(TreeHead head) {
    return ("test.example/log\n" + head.size() + "\n" + head.root().toBase64() + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Deletes {@code root} and everything below it. */
  static void deleteTree(java.nio.file.Path root) throws java.io.IOException {
    try (java.util.stream.Stream<java.nio.file.Path> walk = java.nio.file.Files.walk(root)) {
      for (java.nio.file.Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    }
  }

  /** Exports the ledger's tree of {@code size} with a stand-in checkpoint. */
  static ExportResult export(Ledger ledger, long size, java.nio.file.Path dir)
      throws TilesException, LedgerException {
    return TilesWriter.open(dir)
        .export(ledger, size, checkpoint(new TreeHead(size, ledger.root(size))));
  }
}
