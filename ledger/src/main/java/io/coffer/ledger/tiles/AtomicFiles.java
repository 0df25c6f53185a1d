package io.coffer.ledger.tiles;

import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Writes files into a directory so that a reader sees either the old file or the whole new one:
 * each file is written to a temporary file beside it, flushed to disk, and renamed over the target.
 *
 * <p>Directories whose entries changed are remembered so that {@link #syncDirectories} can make the
 * renames durable before something that depends on them (the checkpoint) is written.
 *
 * <p>Refuses to write through a symbolic link inside the directory. Not thread-safe.
 */
final class AtomicFiles {

  private final Path root;
  private final Set<Path> changedDirectories = new LinkedHashSet<>();

  /** {@code root} must be a real path (no links). */
  AtomicFiles(Path root) {
    this.root = root;
  }

  /** Writes {@code data} to {@code relative}, creating directories as needed. */
  void write(String relative, byte[] data) throws TilesException {
    Path target = root.resolve(relative);
    Path parent = target.getParent();
    Path temp = null;
    try {
      createDirectories(parent);
      temp = Files.createTempFile(parent, ".", ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(data);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      changedDirectories.add(parent);
    } catch (IOException e) {
      throw new TilesException(Reason.IO_FAILED, relative, "cannot be written: " + e, e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // The temporary file's name never parses as a tile; it is harmless if left behind.
        }
      }
    }
  }

  /** Creates {@code dir} and its missing parents below the root, refusing links on the way. */
  private void createDirectories(Path dir) throws IOException, TilesException {
    if (dir.equals(root)) {
      return;
    }
    createDirectories(dir.getParent());
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectory(dir);
      changedDirectories.add(dir.getParent());
    }
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) || !dir.toRealPath().equals(dir)) {
      throw new TilesException(
          Reason.UNSAFE_PATH,
          root.relativize(dir).toString(),
          "is a symbolic link or not a directory; tiles are written only into plain directories");
    }
  }

  /** Flushes the entries of every directory changed so far to disk. */
  void syncDirectories() throws TilesException {
    for (Path dir : changedDirectories) {
      try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        throw new TilesException(
            Reason.IO_FAILED,
            root.relativize(dir).toString(),
            "cannot be flushed to disk: " + e,
            e);
      }
    }
    changedDirectories.clear();
  }
}
