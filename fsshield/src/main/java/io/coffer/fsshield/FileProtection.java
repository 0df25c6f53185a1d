package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** How the files of one mode are stored, restored and read in place. */
sealed interface FileProtection permits EncryptedFiles, AuthenticatedFiles {

  /** The protection of a mode, under a tree key, with a segment size. */
  static FileProtection of(Mode mode, TreeKey key, int segmentSizeBytes) {
    return switch (mode) {
      case ENCRYPTED -> new EncryptedFiles(key, segmentSizeBytes);
      case AUTHENTICATED -> new AuthenticatedFiles(segmentSizeBytes);
    };
  }

  /** The size of the stored object of a file of this plaintext size. */
  long storedSize(long plaintextSize);

  /**
   * Stores one file.
   *
   * @param source the file to protect, opened without following links
   * @param size its size when the tree was scanned
   * @param out the new stored object
   * @param id the file's identity
   * @param path its path in the tree
   * @throws FsShieldException {@link Reason#SOURCE_CHANGED} when the file's size changed
   */
  Stored store(FileChannel source, long size, WritableByteChannel out, FileId id, String path)
      throws IOException, FsShieldException;

  /**
   * Writes a file's plaintext, each part only once it authenticated.
   *
   * @throws FsShieldException {@link Reason#FILE_MODIFIED} when it does not authenticate
   */
  void restore(Manifest.RegularFile file, FileChannel object, WritableByteChannel out)
      throws IOException, FsShieldException;

  /** A read-only channel over a file's plaintext that authenticates each segment it reads. */
  SeekableByteChannel channel(Manifest.RegularFile file, FileChannel object)
      throws IOException, FsShieldException;

  /**
   * Opens a file's stored object after checking that its size is what the manifest says.
   *
   * @throws FsShieldException {@link Reason#FILE_MISSING}, {@link Reason#FILE_TRUNCATED}, {@link
   *     Reason#FILE_EXTENDED} or {@link Reason#IO_ERROR}
   */
  default FileChannel openObject(Manifest.RegularFile file, Path object) throws FsShieldException {
    FileChannel ch;
    try {
      ch = FileChannel.open(object, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      throw new FsShieldException(
          Reason.FILE_MISSING, file.path(), file.path() + ": its stored file is missing", e);
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.IO_ERROR, file.path(), file.path() + ": cannot open: " + e.getMessage(), e);
    }
    try {
      long actual = ch.size();
      long expected = storedSize(file.size());
      if (actual != expected) {
        throw new FsShieldException(
            actual < expected ? Reason.FILE_TRUNCATED : Reason.FILE_EXTENDED,
            file.path(),
            file.path()
                + ": its stored file is "
                + actual
                + " bytes, "
                + (actual < expected ? "shorter" : "longer")
                + " than the "
                + expected
                + " the manifest says");
      }
      return ch;
    } catch (IOException e) {
      close(ch);
      throw new FsShieldException(
          Reason.IO_ERROR, file.path(), file.path() + ": cannot read: " + e.getMessage(), e);
    } catch (FsShieldException e) {
      close(ch);
      throw e;
    }
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // Already failing with a better reason.
    }
  }
}
