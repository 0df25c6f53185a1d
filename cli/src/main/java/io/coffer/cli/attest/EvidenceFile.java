package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Evidence;
import io.coffer.cli.command.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Evidence files: read within bounds, and written so that no reader ever sees half of one. */
final class EvidenceFile {

  private EvidenceFile() {}

  /**
   * The bytes of {@code file}.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} when it is larger than any evidence
   * @throws CommandException when it cannot be read
   */
  static byte[] read(Path file) throws AttestationException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(Evidence.MAX_SIZE_BYTES + 1);
      if (bytes.length > Evidence.MAX_SIZE_BYTES) {
        throw new AttestationException(
            Reason.MALFORMED_EVIDENCE,
            "larger than any evidence (" + Evidence.MAX_SIZE_BYTES + " bytes)");
      }
      return bytes;
    } catch (IOException e) {
      throw CommandException.badInput("--evidence " + file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code evidence} to {@code file} through a temporary file in the same directory, synced
   * to disk, and an atomic rename, replacing an existing file: a reader (or a crash) sees the old
   * file or the whole new one, never part of it.
   *
   * @throws CommandException when it cannot be written
   */
  static void writeAtomically(Path file, Evidence evidence) {
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(evidence.bytes());
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw CommandException.badInput("--out " + file + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The rename succeeded or the write failed already; a stray temporary file is harmless.
        }
      }
    }
  }
}
