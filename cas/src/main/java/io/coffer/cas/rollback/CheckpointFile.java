package io.coffer.cas.rollback;

import io.coffer.cas.rollback.RollbackException.Reason;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.note.UnverifiedNote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The CAS's latest signed checkpoint, kept in its data directory outside the store: {@value
 * #FILE_NAME}, the line {@code coffer-sealed-checkpoint v1} followed by the {@link Barrier}'s
 * ciphertext of the signed checkpoint note, bound to the row {@code ("rollback.checkpoint_file",
 * <store instance id>, 1)}.
 *
 * <p>What the two layers give. The log key's signature on the checkpoint makes its size and root
 * unforgeable: nobody without the key can claim a larger tree and so block the CAS, or a different
 * root. Sealing with the data key adds what a signature cannot: checkpoints are public (auditors
 * fetch them), so an unsealed file could be replaced by any older published checkpoint or by one of
 * another CAS with the same key; a sealed file can only have been written by a process holding this
 * store's data key, for this store instance, and it does not tell the operator how busy the CAS is.
 *
 * <p>Security guarantees: {@link #read} returns only a checkpoint that opens with the data key for
 * this store instance and is signed by the log's key for its origin; a missing file is reported as
 * such, everything else as {@code CHECKPOINT_FILE_INVALID}. {@link #write} replaces the file
 * atomically and durably (see {@code AtomicFile}).
 *
 * <p>Not protected against: the file being restored together with the store from the same older
 * backup. Only witnesses catch that.
 */
public final class CheckpointFile {

  /** The file's name in the data directory. */
  public static final String FILE_NAME = "checkpoint.sealed";

  /** The barrier row the ciphertext is bound to: table, then the store instance id as key. */
  static final String ROW_TABLE = "rollback.checkpoint_file";

  private static final byte[] MAGIC =
      "coffer-sealed-checkpoint v1\n".getBytes(StandardCharsets.US_ASCII);

  /** A note of at most 1 MiB and the AEAD's overhead. */
  private static final long MAX_FILE_BYTES = UnverifiedNote.MAX_NOTE_BYTES + 4096L;

  private final Path file;
  private final Barrier barrier;
  private final RowId row;
  private final CheckpointVerifier verifier;

  /**
   * The checkpoint file in {@code dataDir} of the store {@code storeInstanceId}, sealed with {@code
   * barrier}, holding checkpoints that {@code verifier} accepts (the log's key and origin).
   */
  public CheckpointFile(
      Path dataDir, Barrier barrier, String storeInstanceId, CheckpointVerifier verifier) {
    this.file = dataDir.resolve(FILE_NAME);
    this.barrier = Objects.requireNonNull(barrier, "barrier");
    if (storeInstanceId.isEmpty()) {
      throw new IllegalArgumentException("the store instance id must not be empty");
    }
    this.row = new RowId(ROW_TABLE, storeInstanceId, 1);
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** The file's path. */
  public Path path() {
    return file;
  }

  /**
   * The sealed checkpoint, verified; empty if there is no file.
   *
   * @throws RollbackException {@code CHECKPOINT_FILE_INVALID} naming what is wrong, {@code
   *     IO_FAILED} if it cannot be read
   */
  public Optional<VerifiedCheckpoint> read() throws RollbackException {
    byte[] content;
    try {
      if (Files.isSymbolicLink(file)) {
        throw invalid("is a symbolic link");
      }
      if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw invalid("is larger than " + MAX_FILE_BYTES + " bytes");
      }
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new RollbackException(Reason.IO_FAILED, file + ": cannot be read: " + e, e);
    }
    if (content.length < MAGIC.length
        || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw invalid("does not start with \"coffer-sealed-checkpoint v1\"");
    }
    byte[] note;
    try {
      note = barrier.decrypt(row, Arrays.copyOfRange(content, MAGIC.length, content.length));
    } catch (BarrierException e) {
      throw invalid(
          "does not open with this CAS's data key for this store: altered, or written for another"
              + " store",
          e);
    }
    try {
      return Optional.of(verifier.verify(note));
    } catch (CheckpointException e) {
      throw invalid("does not hold a checkpoint signed by the log's key: " + e.getMessage(), e);
    }
  }

  /**
   * Seals {@code signedCheckpoint} and replaces the file with it, durably.
   *
   * @throws IOException if the file cannot be written; the old file is then intact
   */
  public void write(byte[] signedCheckpoint) throws IOException {
    byte[] sealed = barrier.encrypt(row, signedCheckpoint);
    byte[] content = Arrays.copyOf(MAGIC, MAGIC.length + sealed.length);
    System.arraycopy(sealed, 0, content, MAGIC.length, sealed.length);
    AtomicFile.replace(file, content);
  }

  private RollbackException invalid(String detail) {
    return invalid(detail, null);
  }

  private RollbackException invalid(String detail, Throwable cause) {
    return new RollbackException(
        Reason.CHECKPOINT_FILE_INVALID, "the sealed checkpoint " + file + " " + detail, cause);
  }
}
