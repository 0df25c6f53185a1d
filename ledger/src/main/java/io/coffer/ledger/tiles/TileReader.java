package io.coffer.ledger.tiles;

import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * Reads a C2SP tlog-tiles directory: the {@code checkpoint}, hash tiles and entry bundles, strictly
 * and within bounds.
 *
 * <p>Security guarantees: every file is checked against its size limit from its metadata before it
 * is read (a hash tile must be exactly {@code 32·W} bytes, a bundle at most {@code W·65,537}, the
 * checkpoint at most {@link #MAX_CHECKPOINT_BYTES}); a file that grows while read is refused. Only
 * paths built from validated {@link TileId}s and {@link BundleId}s are opened, and a path whose
 * real location differs from its place in the directory (a symbolic link anywhere below the
 * directory) is refused, so reads never leave the directory. Only regular files are opened.
 *
 * <p>Not protected against: someone who can write the directory while it is read. Swapping a parent
 * directory for a link between the check and the open is not prevented; contents are not trusted
 * anyway, since {@link TilesVerifier} checks them against an authenticated tree head.
 *
 * <p>Thread-safe: it holds no mutable state.
 */
public final class TileReader {

  /** The largest checkpoint read: far more than a checkpoint with many cosignatures needs. */
  public static final int MAX_CHECKPOINT_BYTES = 1 << 20;

  /** The name of the checkpoint file. */
  public static final String CHECKPOINT = "checkpoint";

  private final Path root;

  private TileReader(Path root) {
    this.root = root;
  }

  /**
   * Opens the tiles directory at {@code directory}.
   *
   * @throws TilesException {@code MISSING} if it does not exist, {@code MALFORMED} if it is not a
   *     directory, {@code IO_FAILED}
   */
  public static TileReader open(Path directory) throws TilesException {
    Path real;
    try {
      real = directory.toRealPath();
    } catch (NoSuchFileException e) {
      throw new TilesException(Reason.MISSING, null, "no tiles directory at " + directory, e);
    } catch (IOException e) {
      throw new TilesException(
          Reason.IO_FAILED, null, "cannot open the tiles directory " + directory, e);
    }
    if (!Files.isDirectory(real)) {
      throw new TilesException(Reason.MALFORMED, null, directory + " is not a directory");
    }
    return new TileReader(real);
  }

  /** The directory, as its real path. */
  public Path directory() {
    return root;
  }

  /**
   * The checkpoint file's bytes, as they are: parsing and signature checks are the caller's.
   *
   * @throws TilesException {@code MISSING}, {@code TOO_LARGE}, {@code MALFORMED} if empty, {@code
   *     UNSAFE_PATH}, {@code IO_FAILED}
   */
  public byte[] checkpoint() throws TilesException {
    byte[] data = read(CHECKPOINT, MAX_CHECKPOINT_BYTES, false);
    if (data.length == 0) {
      throw new TilesException(Reason.MALFORMED, CHECKPOINT, "is empty");
    }
    return data;
  }

  /**
   * The hash tile {@code id}: exactly {@code id.width()} hashes.
   *
   * @throws TilesException {@code MISSING}, {@code MALFORMED} (wrong length, not a regular file),
   *     {@code UNSAFE_PATH}, {@code IO_FAILED}
   */
  public HashTile hashTile(TileId id) throws TilesException {
    return HashTile.decode(id, read(id.path(), id.sizeBytes(), true));
  }

  /**
   * The entry bundle {@code id}: exactly {@code id.width()} entries and nothing after them.
   *
   * @throws TilesException {@code MISSING}, {@code TOO_LARGE}, {@code MALFORMED}, {@code
   *     ENTRY_MISSING}, {@code EXTRA_ENTRIES}, {@code UNSAFE_PATH}, {@code IO_FAILED}
   */
  public EntryBundle entryBundle(BundleId id) throws TilesException {
    return EntryBundle.decode(id, bundleBytes(id));
  }

  /** The raw bytes of bundle {@code id}, within its size limit, for a verifier to classify. */
  byte[] bundleBytes(BundleId id) throws TilesException {
    return read(id.path(), id.maxSizeBytes(), false);
  }

  /** Whether {@code relative} is a regular file in the directory (no link followed). */
  boolean isFile(String relative) {
    return Files.isRegularFile(root.resolve(relative), LinkOption.NOFOLLOW_LINKS);
  }

  /**
   * Reads {@code relative}, refusing it from its size alone if it is larger than {@code maxBytes}
   * (or, if {@code exact}, of any other size).
   */
  private byte[] read(String relative, long maxBytes, boolean exact) throws TilesException {
    Path path = root.resolve(relative);
    checkInside(relative, path);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attributes.isRegularFile()) {
        throw new TilesException(Reason.MALFORMED, relative, "is not a regular file");
      }
      try (SeekableByteChannel channel =
          Files.newByteChannel(path, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
        long size = channel.size();
        if (exact && size != maxBytes) {
          throw new TilesException(
              Reason.MALFORMED, relative, "is " + size + " bytes; it must be exactly " + maxBytes);
        }
        if (size > maxBytes) {
          throw new TilesException(
              Reason.TOO_LARGE,
              relative,
              "is " + size + " bytes; such a file is at most " + maxBytes);
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining()) {
          if (channel.read(buffer) < 0) {
            throw new TilesException(Reason.MALFORMED, relative, "shrank while it was read");
          }
        }
        if (channel.read(ByteBuffer.allocate(1)) > 0) {
          throw new TilesException(Reason.MALFORMED, relative, "grew while it was read");
        }
        return buffer.array();
      }
    } catch (NoSuchFileException e) {
      throw missing(relative, e);
    } catch (IOException e) {
      throw new TilesException(Reason.IO_FAILED, relative, "cannot be read: " + e, e);
    }
  }

  /** Refuses a path whose real location is not its place in the directory: a link on the way. */
  private void checkInside(String relative, Path path) throws TilesException {
    Path real;
    try {
      real = path.toRealPath();
    } catch (NoSuchFileException e) {
      if (Files.isSymbolicLink(path)) {
        throw new TilesException(
            Reason.UNSAFE_PATH, relative, "is a symbolic link; only plain files are read", e);
      }
      throw missing(relative, e);
    } catch (IOException e) {
      throw new TilesException(Reason.IO_FAILED, relative, "cannot be resolved: " + e, e);
    }
    if (!real.equals(path)) {
      throw new TilesException(
          Reason.UNSAFE_PATH,
          relative,
          "leads through a symbolic link; only plain files inside the directory are read");
    }
  }

  private static TilesException missing(String relative, NoSuchFileException e) {
    return new TilesException(Reason.MISSING, relative, "does not exist", e);
  }
}
