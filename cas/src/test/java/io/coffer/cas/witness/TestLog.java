package io.coffer.cas.witness;

import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.store.MemoryLogStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A log in memory with its key, for witness tests. */
final class TestLog implements AutoCloseable {

  static final String ORIGIN = "cas.example/ledger";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  final Ed25519NoteSigner key;
  final CheckpointSigner signer;
  final Ledger ledger;

  private TestLog(Ed25519NoteSigner key) throws Exception {
    this.key = key;
    this.signer = new CheckpointSigner(ORIGIN, key);
    this.ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
  }

  /** A log with a new key. */
  static TestLog create() throws Exception {
    return new TestLog(Ed25519NoteSigner.generate(ORIGIN, new SecureRandom()));
  }

  /** Another log with the same key: a restored backup or a fork of this one. */
  TestLog sameKey() throws Exception {
    return new TestLog(key);
  }

  /** Appends "history i" up to {@code size} entries. */
  TestLog grow(String history, long size) throws Exception {
    for (long i = ledger.size(); i < size; i++) {
      ledger.appendAndWait((history + " " + i).getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** The signed checkpoint of the head. */
  byte[] checkpoint() throws Exception {
    return ledger.checkpoint(signer).signedNote();
  }

  static CosignatureSigner cosigner(String name) throws Exception {
    return CosignatureSigner.of(name, Ed25519Seed.generate(new SecureRandom()), CLOCK);
  }

  @Override
  public void close() {
    ledger.close();
  }
}
