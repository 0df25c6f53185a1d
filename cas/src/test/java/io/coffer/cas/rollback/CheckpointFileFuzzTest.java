package io.coffer.cas.rollback;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.coffer.cas.rollback.RollbackException.Reason;
import io.coffer.cas.seal.AeadBarrier;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.RowId;
import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.note.Ed25519Seed;
import io.coffer.ledger.note.NoteException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Feeds arbitrary bytes to {@link CheckpointFile#read}: as the plaintext the file's ciphertext
 * opens to (the signed checkpoint note, sealed here with the data key so that the note parser and
 * the checkpoint verifier behind the barrier see it), and as the whole file. Nothing may escape but
 * a {@link RollbackException} with reason {@code CHECKPOINT_FILE_INVALID}; a checkpoint that comes
 * back is signed by the log's key, for the log's origin, and its body formats to its note's text.
 *
 * <p>Input: the low bit of byte 0 picks the target ({@code 0} the rest is the plaintext, {@code 1}
 * the rest is the file). The log key and the data key are fixed test keys, so that the seeds hold
 * genuine checkpoints and sealed files. Runs the seeds under {@code CheckpointFileFuzzTestInputs/}
 * in the normal test suite; {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class CheckpointFileFuzzTest {

  /** The log's origin and key name. */
  private static final String ORIGIN = "cas.example/ledger";

  /** The store instance the file is sealed for. */
  private static final String INSTANCE = "store-1";

  /** The log's key: a fixed test seed (32 bytes 0x4c). */
  private static final Ed25519NoteSigner LOG_KEY = logKey();

  /** The CAS's data key: a fixed AES-256-GCM test key (32 bytes 0x44). */
  private static final Barrier BARRIER = barrier();

  private static final byte[] MAGIC =
      "coffer-sealed-checkpoint v1\n".getBytes(StandardCharsets.US_ASCII);

  private static final Path DIR = temporaryDirectory();

  private static final CheckpointFile FILE =
      new CheckpointFile(
          DIR, BARRIER, INSTANCE, CheckpointVerifier.forLog(ORIGIN, LOG_KEY.verifier(), List.of()));

  private static Ed25519NoteSigner logKey() {
    byte[] seed = new byte[Ed25519Seed.SIZE_BYTES];
    Arrays.fill(seed, (byte) 0x4c);
    try {
      return Ed25519NoteSigner.of(ORIGIN, Ed25519Seed.of(seed));
    } catch (NoteException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Barrier barrier() {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) 0x44);
    try {
      return new AeadBarrier(new AesGcmJce(key));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path temporaryDirectory() {
    try {
      Path dir = Files.createTempDirectory("checkpoint-file-fuzz");
      dir.toFile().deleteOnExit();
      dir.resolve(CheckpointFile.FILE_NAME).toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's content for a plaintext: the magic line, then the plaintext sealed for its row. */
  private static byte[] sealedFile(byte[] plaintext) {
    byte[] sealed = BARRIER.encrypt(new RowId(CheckpointFile.ROW_TABLE, INSTANCE, 1), plaintext);
    byte[] content = Arrays.copyOf(MAGIC, MAGIC.length + sealed.length);
    System.arraycopy(sealed, 0, content, MAGIC.length, sealed.length);
    return content;
  }

  @FuzzTest(maxDuration = "10s")
  void readAcceptsOrRefusesAnyCheckpoint(byte[] input) throws IOException {
    if (input.length < 1) {
      return;
    }
    byte[] rest = Arrays.copyOfRange(input, 1, input.length);
    Files.write(FILE.path(), (input[0] & 1) == 0 ? sealedFile(rest) : rest);
    Optional<VerifiedCheckpoint> read;
    try {
      read = FILE.read();
    } catch (RollbackException e) {
      if (e.reason() != Reason.CHECKPOINT_FILE_INVALID) {
        throw new IllegalStateException("a file was refused for another reason", e);
      }
      return;
    }
    VerifiedCheckpoint checkpoint =
        read.orElseThrow(() -> new IllegalStateException("a file that exists read as missing"));
    if (!checkpoint.origin().equals(ORIGIN)
        || checkpoint.note().signatureBy(LOG_KEY.verifier()).isEmpty()) {
      throw new IllegalStateException("a checkpoint of another log or key was accepted");
    }
    try {
      String text = checkpoint.checkpoint().format();
      if (!text.equals(checkpoint.note().text())
          || !Checkpoint.parse(text).equals(checkpoint.checkpoint())) {
        throw new IllegalStateException("an accepted checkpoint formats to another body");
      }
    } catch (CheckpointException e) {
      throw new IllegalStateException("an accepted checkpoint formats to a refused body", e);
    }
  }
}
