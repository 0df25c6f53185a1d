package io.coffer.cli.audit;

import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.tiles.TilesWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** A log for tests: entries appended, checkpoints signed, tiles published to directories. */
final class PublishedLog implements AutoCloseable {

  private final Ledger ledger;
  private final CheckpointSigner signer;
  private final Ed25519NoteSigner key;
  private final String prefix;

  PublishedLog(String origin, Ed25519NoteSigner key, String entryPrefix) throws Exception {
    this.ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    this.key = key;
    this.signer = new CheckpointSigner(origin, key);
    this.prefix = entryPrefix;
  }

  static Ed25519NoteSigner newKey() throws Exception {
    return Ed25519NoteSigner.generate("log.example", new SecureRandom());
  }

  String vkey() {
    return key.verifier().vkey();
  }

  /** Appends entries until the log holds {@code size}. */
  PublishedLog growTo(long size) throws Exception {
    for (long i = ledger.size(); i < size; i++) {
      ledger.appendAndWait(
          ("{\"event\":\"" + prefix + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** The signed checkpoint of the current tree. */
  byte[] checkpoint() throws Exception {
    TreeHead head = ledger.head();
    return signer.sign(head);
  }

  /** Writes the current checkpoint to a file. */
  Path saveCheckpoint(Path file) throws Exception {
    return Files.write(file, checkpoint());
  }

  /** Publishes the current tree as tiles into {@code dir}. */
  Path publish(Path dir) throws Exception {
    TilesWriter.open(dir).export(ledger, ledger.size(), checkpoint());
    return dir;
  }

  @Override
  public void close() {
    ledger.close();
  }
}
