package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Seals a directory tree into a protected tree, and opens one. See the package documentation for
 * what is and is not protected.
 *
 * <p>Files are sealed on up to four threads. Sealing writes the whole protected tree next to the
 * destination and moves it into place at the end, so the destination either does not exist or holds
 * a whole tree; a failure removes what was written. Opening checks the tag first, then the key,
 * then that the stored objects are exactly the manifest's, and refuses anything else ({@link
 * FsShieldException} with its reason).
 */
public final class FsShield {
  private static final SecureRandom RANDOM = new SecureRandom();

  private FsShield() {}

  /**
   * Seals the tree under {@code source} into {@code destination}, which must not exist or must be
   * an empty directory.
   *
   * @return the tag and what was sealed
   * @throws FsShieldException naming what cannot be sealed, or {@link Reason#DESTINATION_EXISTS}
   */
  public static SealResult seal(Path source, Path destination, TreeKey key, SealOptions options)
      throws FsShieldException {
    if (!Files.isDirectory(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new FsShieldException(Reason.BAD_PATH, source.toString(), source + ": not a directory");
    }
    Trees.absentOrEmpty(destination);
    List<SourceScan.Item> items = SourceScan.scan(source);
    long total = 0;
    long fileCount = 0;
    for (SourceScan.Item i : items) {
      if (i.kind() == SourceScan.Kind.FILE) {
        total += i.size();
        fileCount++;
      }
    }
    Path temp = temporarySibling(destination, "sealing");
    try {
      Files.createDirectories(Layout.objects(temp));
      FileProtection protection =
          FileProtection.of(options.mode(), key, options.segmentSizeBytes());
      options.progress().start(total, fileCount);
      Progress progress = SerialProgress.of(options.progress());
      List<SourceScan.Item> files =
          items.stream().filter(i -> i.kind() == SourceScan.Kind.FILE).toList();
      List<Manifest.RegularFile> stored =
          Workers.map(
              files,
              i -> {
                Manifest.RegularFile f = storeFile(source, temp, i, protection, options.durable());
                progress.advance(i.size());
                return f;
              });
      List<Manifest.Entry> entries = new ArrayList<>(items.size());
      long dirs = 0;
      long links = 0;
      int next = 0;
      for (SourceScan.Item i : items) {
        switch (i.kind()) {
          case DIRECTORY -> {
            entries.add(new Manifest.Directory(i.path(), i.permissions()));
            dirs++;
          }
          case SYMLINK -> {
            entries.add(new Manifest.Symlink(i.path(), i.linkTarget()));
            links++;
          }
          case FILE -> entries.add(stored.get(next++));
        }
      }
      Manifest manifest = new Manifest(options.mode(), options.segmentSizeBytes(), entries);
      byte[] sealed = ManifestBox.seal(ManifestJson.write(manifest), key);
      writeNew(Layout.manifest(temp), sealed, options.durable());
      if (options.durable()) {
        Trees.forceDirectory(Layout.objects(temp));
        Trees.forceDirectory(temp);
      }
      moveIntoPlace(temp, destination);
      if (options.durable()) {
        Trees.forceDirectory(destination.toAbsolutePath().getParent());
      }
      return new SealResult(Tag.of(ManifestBox.tag(sealed)), fileCount, dirs, links, total);
    } catch (IOException e) {
      FsShieldException f =
          new FsShieldException(
              Reason.IO_ERROR,
              destination.toString(),
              destination + ": cannot write the protected tree: " + e.getMessage(),
              e);
      Trees.deleteQuietly(temp, f);
      throw f;
    } catch (FsShieldException | RuntimeException e) {
      Trees.deleteQuietly(temp, e);
      throw e;
    }
  }

  private static Manifest.RegularFile storeFile(
      Path source, Path temp, SourceScan.Item item, FileProtection protection, boolean durable)
      throws IOException, FsShieldException {
    FileId id = FileId.random();
    Path from = source.resolve(item.path());
    Stored stored;
    try (FileChannel in =
            FileChannel.open(from, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        FileChannel out =
            FileChannel.open(
                Layout.object(temp, id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      stored = protection.store(in, item.size(), out, id, item.path());
      if (durable) {
        out.force(true);
      }
    }
    return new Manifest.RegularFile(
        item.path(), item.permissions(), item.size(), id, stored.digest(), stored.segmentDigests());
  }

  /**
   * Opens a protected tree: checks its manifest against the expected tag and the key, and its
   * stored objects against the manifest. Files are authenticated as they are read.
   *
   * @throws FsShieldException {@link Reason#TAG_MISMATCH} for another or an older tree, {@link
   *     Reason#WRONG_KEY}, {@link Reason#FILE_MISSING} or {@link Reason#FILE_ADDED}
   */
  public static ShieldedTree open(Path tree, TreeKey key, Tag expected) throws FsShieldException {
    return ShieldedTree.open(tree, key, expected);
  }

  /**
   * The tag of a protected tree as it is on the disk, without a key: to find, among stored
   * versions, the one whose tag is the expected one. It proves nothing until {@link #open} checks
   * it.
   *
   * @throws FsShieldException {@link Reason#FILE_MISSING} when the tree has no manifest
   */
  public static Tag tagOf(Path tree) throws FsShieldException {
    return Tag.of(ManifestBox.tag(ShieldedTree.readManifest(tree)));
  }

  static Path temporarySibling(Path destination, String what) {
    byte[] r = new byte[8];
    RANDOM.nextBytes(r);
    Path abs = destination.toAbsolutePath();
    return abs.resolveSibling(
        "." + abs.getFileName() + "." + what + "-" + HexFormat.of().formatHex(r));
  }

  private static void moveIntoPlace(Path temp, Path destination) throws IOException {
    if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
      Files.delete(destination);
    }
    try {
      Files.move(temp, destination, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, destination);
    }
  }

  private static void writeNew(Path file, byte[] bytes, boolean durable) throws IOException {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      if (durable) {
        ch.force(true);
      }
    }
  }
}
