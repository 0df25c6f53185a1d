package io.coffer.cas.rollback;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.coffer.cas.seal.AeadBarrier;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.store.JdbcLogStore;
import io.coffer.ledger.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;

/**
 * A CAS's data directory as far as rollback protection sees it: the SQLite database with the log
 * ({@value #DATABASE}) and the sealed checkpoint file, with the CAS's log key and data key (which
 * live in the CAS, not in the directory).
 */
final class CasDataDir implements AutoCloseable {

  static final String ORIGIN = "cas.example/ledger";
  static final String DATABASE = "cas.db";

  final Path dir;
  final Ed25519NoteSigner key;
  final CheckpointSigner signer;
  final Barrier barrier;
  final String instanceId;
  JdbcLogStore store;
  Ledger ledger;
  CheckpointSealer sealer;

  CasDataDir(Path dir, Ed25519NoteSigner key, Barrier barrier, String instanceId) {
    this.dir = dir;
    this.key = key;
    this.signer = new CheckpointSigner(ORIGIN, key);
    this.barrier = barrier;
    this.instanceId = instanceId;
  }

  /** A new CAS in {@code dir} with new keys. */
  static CasDataDir create(Path dir) throws Exception {
    Files.createDirectories(dir);
    return new CasDataDir(
        dir, Ed25519NoteSigner.generate(ORIGIN, new SecureRandom()), barrier(), "store-1");
  }

  /** The same CAS (keys and store instance) over another directory. */
  CasDataDir sameCas(Path other) throws IOException {
    Files.createDirectories(other);
    return new CasDataDir(other, key, barrier, instanceId);
  }

  static Barrier barrier() throws GeneralSecurityException {
    AeadConfig.register();
    Aead aead =
        KeysetHandle.newBuilder()
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build()
            .getPrimitive(RegistryConfiguration.get(), Aead.class);
    return new AeadBarrier(aead);
  }

  CheckpointVerifier verifier() {
    return CheckpointVerifier.forLog(ORIGIN, key.verifier(), List.of());
  }

  CheckpointFile file() {
    return new CheckpointFile(dir, barrier, instanceId, verifier());
  }

  /** Opens the store and its ledger, as the CAS does on start. */
  CasDataDir open() throws Exception {
    store = JdbcLogStore.sqlite(dir.resolve(DATABASE));
    ledger = Ledger.open(store, LedgerOptions.defaults());
    sealer = new CheckpointSealer(ledger, signer, file());
    return this;
  }

  /**
   * One commit batch: entries "history i" up to {@code size}, then the sealer, as the store does.
   */
  CasDataDir commit(String history, long size) throws Exception {
    for (long i = ledger.size(); i < size; i++) {
      ledger.appendAndWait((history + " " + i).getBytes(StandardCharsets.UTF_8));
    }
    sealer.committed(ledger.head());
    return this;
  }

  StartupCheck check(List<WitnessClient> witnesses) {
    return StartupCheck.failClosed(ledger, file(), signer, witnesses);
  }

  /** Stops the CAS: closes the ledger and the store, so that its files can be copied. */
  void stop() throws StoreException {
    if (ledger != null) {
      ledger.close();
      store.close();
      ledger = null;
      store = null;
    }
  }

  /** Copies the database files (not the checkpoint file) to {@code backup}. */
  void copyDatabaseTo(Path backup) throws IOException {
    Files.createDirectories(backup);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(DATABASE)).toList()) {
        Files.copy(f, backup.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Replaces the database files with those in {@code backup}. */
  void restoreDatabaseFrom(Path backup) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(DATABASE)).toList()) {
        Files.delete(f);
      }
    }
    try (Stream<Path> files = Files.list(backup)) {
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith(DATABASE)).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  /** Copies every file of the directory (database and checkpoint file) to {@code backup}. */
  void copyDirectoryTo(Path backup) throws IOException {
    Files.createDirectories(backup);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.copy(f, backup.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Replaces every file of the directory with those in {@code backup}. */
  void restoreDirectoryFrom(Path backup) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    try (Stream<Path> files = Files.list(backup)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  @Override
  public void close() throws StoreException {
    stop();
  }
}
