package io.coffer.cas.seal;

import io.coffer.cas.seal.SealException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Files that hold key material: created readable and writable by their owner only (0600), complete
 * or not at all, never replacing an existing file; read only when no one else may read them.
 * Requires a POSIX file system: elsewhere the protection cannot be checked, and that is refused.
 */
final class OwnerOnlyFiles {

  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private OwnerOnlyFiles() {}

  /**
   * Writes {@code content} to the new file {@code file}, mode 0600: a temporary file with that mode
   * is written and synced, then linked under its name, which fails if the name exists.
   *
   * @throws SealException {@code IO} if the file exists or cannot be written, {@code
   *     UNSAFE_KEY_FILE} on a file system without POSIX permissions
   */
  static void createNew(Path file, byte[] content) throws SealException {
    Path dir = file.toAbsolutePath().getParent();
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      throw new SealException(
          Reason.UNSAFE_KEY_FILE, file + ": the file system has no POSIX permissions");
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new SealException(Reason.IO, file + " exists already; it is never replaced");
    }
    Path tmp = null;
    try {
      tmp =
          Files.createTempFile(
              dir, ".key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(content));
        ch.force(true);
      }
      Files.createLink(file, tmp);
    } catch (FileAlreadyExistsException e) {
      throw new SealException(Reason.IO, file + " exists already; it is never replaced", e);
    } catch (IOException | UnsupportedOperationException e) {
      throw new SealException(Reason.IO, file + ": cannot create: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // A leftover temporary file is mode 0600; the next start does not read it.
        }
      }
    }
  }

  /**
   * The content of {@code file}, a regular file (not a link) that neither its group nor others may
   * read, write or execute, of at most {@code maxBytes}.
   *
   * @throws SealException {@code UNSAFE_KEY_FILE} for a link, another kind of file or too wide a
   *     mode; {@code IO} if it cannot be read; {@code MALFORMED} if it is too long
   */
  static byte[] readPrivate(Path file, int maxBytes) throws SealException {
    PosixFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      throw new SealException(
          Reason.UNSAFE_KEY_FILE, file + ": the file system has no POSIX permissions", e);
    } catch (IOException e) {
      throw new SealException(Reason.IO, file + ": cannot read: " + e.getMessage(), e);
    }
    if (!attributes.isRegularFile()) {
      throw new SealException(Reason.UNSAFE_KEY_FILE, file + ": not a regular file");
    }
    Set<PosixFilePermission> wider = EnumSet.copyOf(attributes.permissions());
    wider.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    if (!wider.isEmpty()) {
      throw new SealException(
          Reason.UNSAFE_KEY_FILE,
          file
              + ": mode "
              + PosixFilePermissions.toString(attributes.permissions())
              + " lets others than its owner at it; refused (chmod 600)");
    }
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      byte[] content = in.readNBytes(maxBytes + 1);
      if (content.length > maxBytes) {
        throw new SealException(Reason.MALFORMED, file + ": longer than " + maxBytes + " bytes");
      }
      return content;
    } catch (IOException e) {
      throw new SealException(Reason.IO, file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
