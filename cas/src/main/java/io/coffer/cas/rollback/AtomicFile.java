package io.coffer.cas.rollback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;

/**
 * Replaces a file so that a reader, or a process restarted after a crash, sees either the old file
 * or the whole new one, and the new one survives a power loss once {@link #replace} returns: a
 * temporary file beside the target, flushed, renamed over the target, then the directory flushed.
 *
 * <p>(The ledger's tiles writer does the same for many files at once and is not shared across
 * modules; this is the single-file case with owner-only permissions.)
 */
final class AtomicFile {

  private AtomicFile() {}

  /** Writes {@code data} to {@code target}, replacing it; permissions {@code 0600} on POSIX. */
  static void replace(Path target, byte[] data) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    boolean posix = Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    Path temp =
        posix
            ? Files.createTempFile(
                dir,
                ".checkpoint",
                ".tmp",
                PosixFilePermissions.asFileAttribute(
                    EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)))
            : Files.createTempFile(dir, ".checkpoint", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
        directory.force(true);
      }
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }
}
