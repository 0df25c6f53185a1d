package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An opened protected tree: its manifest authenticated against the expected tag and the key, its
 * stored objects exactly the manifest's. Files are authenticated as they are read: {@link
 * #newChannel} checks only the segments it reads, {@link #verify} and {@link #unsealTo} every byte.
 * Safe for use by several threads; each channel is for one.
 */
public final class ShieldedTree {
  private final Path tree;
  private final Tag tag;
  private final Manifest manifest;
  private final FileProtection protection;
  private final Map<String, Manifest.Entry> byPath;

  private ShieldedTree(Path tree, Tag tag, Manifest manifest, FileProtection protection) {
    this.tree = tree;
    this.tag = tag;
    this.manifest = manifest;
    this.protection = protection;
    this.byPath = new HashMap<>();
    for (Manifest.Entry e : manifest.entries()) {
      byPath.put(e.path(), e);
    }
  }

  static ShieldedTree open(Path tree, TreeKey key, Tag expected) throws FsShieldException {
    byte[] sealed = readManifest(tree);
    byte[] actual = ManifestBox.tag(sealed);
    if (!expected.matches(actual)) {
      throw new FsShieldException(
          Reason.TAG_MISMATCH,
          null,
          tree
              + ": its tag is "
              + Tag.of(actual).hex()
              + ", not the expected "
              + expected.hex()
              + ": another tree, an older version of it, or a changed manifest");
    }
    byte[] json;
    try {
      json = ManifestBox.open(sealed, key);
    } catch (GeneralSecurityException e) {
      throw new FsShieldException(
          Reason.WRONG_KEY, null, tree + ": the manifest does not open with this key", e);
    }
    Manifest manifest;
    try {
      manifest = ManifestJson.read(json);
    } catch (InvalidManifestException e) {
      throw new FsShieldException(Reason.MANIFEST_INVALID, null, tree + ": " + e.getMessage(), e);
    }
    checkObjects(tree, manifest);
    return new ShieldedTree(
        tree,
        expected,
        manifest,
        FileProtection.of(manifest.mode(), key, manifest.segmentSizeBytes()));
  }

  static byte[] readManifest(Path tree) throws FsShieldException {
    Path file = Layout.manifest(tree);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      long size = ch.size();
      if (size > ManifestBox.MAX_SEALED_BYTES) {
        throw new FsShieldException(
            Reason.MANIFEST_INVALID,
            null,
            file + ": larger than any manifest (" + size + " bytes)");
      }
      ByteBuffer b = ByteBuffer.allocate((int) size);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // Read to the end.
      }
      if (b.hasRemaining()) {
        throw new FsShieldException(Reason.IO_ERROR, null, file + ": shrank while it was read");
      }
      return b.array();
    } catch (NoSuchFileException e) {
      throw new FsShieldException(
          Reason.FILE_MISSING, null, tree + ": not a protected tree: it has no manifest", e);
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.IO_ERROR, null, file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void checkObjects(Path tree, Manifest manifest) throws FsShieldException {
    Map<String, String> expected = new HashMap<>();
    for (Manifest.Entry e : manifest.entries()) {
      if (e instanceof Manifest.RegularFile f) {
        expected.put(f.id().hex(), f.path());
      }
    }
    Set<String> seen = new HashSet<>();
    try (DirectoryStream<Path> top = Files.newDirectoryStream(tree)) {
      for (Path p : top) {
        String name = p.getFileName().toString();
        if (!name.equals(Layout.MANIFEST) && !name.equals(Layout.OBJECTS)) {
          throw added(name);
        }
      }
      try (DirectoryStream<Path> objects = Files.newDirectoryStream(Layout.objects(tree))) {
        for (Path p : objects) {
          String name = p.getFileName().toString();
          if (!expected.containsKey(name) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            throw added(Layout.OBJECTS + "/" + name);
          }
          seen.add(name);
        }
      }
    } catch (NoSuchFileException e) {
      if (!expected.isEmpty()) {
        throw new FsShieldException(
            Reason.FILE_MISSING, null, tree + ": its objects directory is missing", e);
      }
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.IO_ERROR, null, tree + ": cannot list: " + e.getMessage(), e);
    }
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!seen.contains(e.getKey())) {
        throw new FsShieldException(
            Reason.FILE_MISSING, e.getValue(), e.getValue() + ": its stored file is missing");
      }
    }
  }

  private static FsShieldException added(String name) {
    return new FsShieldException(
        Reason.FILE_ADDED, name, name + ": in the protected tree but not in its manifest");
  }

  /** The tag this tree was opened with, and has. */
  public Tag tag() {
    return tag;
  }

  /** How its files are protected. */
  public Mode mode() {
    return manifest.mode();
  }

  /** Its entries, sorted by path. */
  public List<TreeEntry> entries() {
    List<TreeEntry> out = new ArrayList<>(manifest.entries().size());
    for (Manifest.Entry e : manifest.entries()) {
      out.add(entry(e));
    }
    return out;
  }

  /** The entry at a path. */
  public Optional<TreeEntry> entry(String path) {
    return Optional.ofNullable(byPath.get(path)).map(ShieldedTree::entry);
  }

  private static TreeEntry entry(Manifest.Entry e) {
    return switch (e) {
      case Manifest.Directory d ->
          new TreeEntry(d.path(), TreeEntry.Type.DIRECTORY, d.permissions(), 0, Optional.empty());
      case Manifest.RegularFile f ->
          new TreeEntry(f.path(), TreeEntry.Type.FILE, f.permissions(), f.size(), Optional.empty());
      case Manifest.Symlink s ->
          new TreeEntry(s.path(), TreeEntry.Type.SYMLINK, 0, 0, Optional.of(s.target()));
    };
  }

  /**
   * A read-only channel over a file's plaintext, which authenticates each segment it reads and
   * throws {@link TamperedFileException} for one that does not.
   *
   * @throws FsShieldException {@link Reason#BAD_PATH} when the path is not a file of the tree, or
   *     the stored file is missing, truncated or extended
   */
  public SeekableByteChannel newChannel(String path) throws FsShieldException {
    Manifest.RegularFile f = file(path);
    FileChannel object = protection.openObject(f, Layout.object(tree, f.id()));
    try {
      return protection.channel(f, object);
    } catch (IOException e) {
      close(object);
      throw new FsShieldException(
          Reason.IO_ERROR, path, path + ": cannot read: " + e.getMessage(), e);
    } catch (FsShieldException e) {
      close(object);
      throw e;
    }
  }

  /** {@link #newChannel} as a stream. */
  public InputStream newInputStream(String path) throws FsShieldException {
    return Channels.newInputStream(newChannel(path));
  }

  private Manifest.RegularFile file(String path) throws FsShieldException {
    if (byPath.get(path) instanceof Manifest.RegularFile f) {
      return f;
    }
    throw new FsShieldException(Reason.BAD_PATH, path, path + ": not a file of the protected tree");
  }

  /**
   * Checks every stored file, byte for byte, against the manifest's digest.
   *
   * @throws FsShieldException the first file that is missing, truncated, extended or changed
   */
  public void verify(Progress progress) throws FsShieldException {
    start(progress);
    ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
    MessageDigest sha256 = sha256();
    for (Manifest.Entry e : manifest.entries()) {
      if (!(e instanceof Manifest.RegularFile f)) {
        continue;
      }
      try (FileChannel ch = protection.openObject(f, Layout.object(tree, f.id()))) {
        buf.clear();
        while (ch.read(buf) >= 0) {
          buf.flip();
          sha256.update(buf);
          buf.clear();
        }
      } catch (IOException x) {
        throw new FsShieldException(
            Reason.IO_ERROR, f.path(), f.path() + ": cannot read: " + x.getMessage(), x);
      }
      if (!MessageDigest.isEqual(sha256.digest(), f.digest())) {
        throw new FsShieldException(
            Reason.FILE_MODIFIED,
            f.path(),
            f.path()
                + ": its stored file is not the one sealed: changed, swapped or from another tree");
      }
      progress.advance(f.size());
    }
  }

  /**
   * Writes the plaintext tree into {@code destination} (which must not exist or must be empty),
   * each file's bytes only once they authenticated, files on up to four threads. On any failure,
   * everything written is removed before the exception is thrown.
   *
   * @throws FsShieldException the first file that is missing, truncated, extended or changed, or
   *     {@link Reason#DESTINATION_EXISTS}
   */
  public void unsealTo(Path destination, Progress progress) throws FsShieldException {
    boolean created = prepareDestination(destination);
    try {
      start(progress);
      List<Manifest.Directory> dirs = new ArrayList<>();
      List<Manifest.RegularFile> files = new ArrayList<>();
      List<Manifest.Symlink> links = new ArrayList<>();
      for (Manifest.Entry e : manifest.entries()) {
        switch (e) {
          case Manifest.Directory d -> {
            Files.createDirectory(destination.resolve(d.path()));
            dirs.add(d);
          }
          case Manifest.RegularFile f -> files.add(f);
          case Manifest.Symlink s -> links.add(s);
        }
      }
      // Every directory exists (and no link yet): files are written on several threads.
      Progress serial = SerialProgress.of(progress);
      Workers.map(
          files,
          f -> {
            restore(f, destination.resolve(f.path()));
            serial.advance(f.size());
            return f;
          });
      // Links last: no file is ever written through one.
      for (Manifest.Symlink s : links) {
        Files.createSymbolicLink(destination.resolve(s.path()), Paths.get(s.target()));
      }
      for (int i = dirs.size() - 1; i >= 0; i--) {
        setPermissions(destination.resolve(dirs.get(i).path()), dirs.get(i).permissions());
      }
    } catch (IOException e) {
      FsShieldException f =
          new FsShieldException(
              Reason.IO_ERROR,
              destination.toString(),
              destination + ": cannot write: " + e.getMessage(),
              e);
      clean(destination, created, f);
      throw f;
    } catch (FsShieldException | RuntimeException e) {
      clean(destination, created, e);
      throw e;
    }
  }

  private void restore(Manifest.RegularFile f, Path target) throws IOException, FsShieldException {
    try (FileChannel object = protection.openObject(f, Layout.object(tree, f.id()));
        FileChannel out = createPrivate(target)) {
      protection.restore(f, object, out);
    }
    setPermissions(target, f.permissions());
  }

  private static FileChannel createPrivate(Path target) throws IOException {
    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(
          target,
          Set.of(
              StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
  }

  private static void setPermissions(Path p, int bits) throws IOException {
    if (p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(p, SourceScan.permissionSet(bits));
    }
  }

  /** Checks the destination and makes it when absent; returns whether it was made. */
  private static boolean prepareDestination(Path destination) throws FsShieldException {
    if (!Trees.absentOrEmpty(destination)) {
      return false;
    }
    try {
      Files.createDirectories(destination);
      return true;
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.IO_ERROR,
          destination.toString(),
          destination + ": cannot write: " + e.getMessage(),
          e);
    }
  }

  private static void clean(Path destination, boolean created, Exception failure) {
    if (created) {
      Trees.deleteQuietly(destination, failure);
      return;
    }
    try (DirectoryStream<Path> d = Files.newDirectoryStream(destination)) {
      for (Path p : d) {
        Trees.deleteQuietly(p, failure);
      }
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  private void start(Progress progress) {
    long bytes = 0;
    long files = 0;
    for (Manifest.Entry e : manifest.entries()) {
      if (e instanceof Manifest.RegularFile f) {
        bytes += f.size();
        files++;
      }
    }
    progress.start(bytes, files);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // Already failing with a better reason.
    }
  }

  @Override
  public String toString() {
    return "ShieldedTree[" + tree + ", " + tag.hex() + "]";
  }
}
