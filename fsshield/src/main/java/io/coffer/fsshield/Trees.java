package io.coffer.fsshield;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Removing a tree, and flushing a directory, without following links. */
final class Trees {
  private Trees() {}

  /** Deletes a tree (links themselves, never what they point to); a missing tree is fine. */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // A directory made read-only by an unsealed tree must be writable to be emptied.
            dir.toFile().setWritable(true, true);
            dir.toFile().setExecutable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Deletes what it can of a tree after a failure, keeping the failure as the error. */
  public static void deleteQuietly(Path root, Exception failure) {
    try {
      delete(root);
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * Checks that {@code destination} does not exist or is an empty directory, following no link.
   *
   * @return whether it does not exist
   * @throws FsShieldException {@link FsShieldException.Reason#DESTINATION_EXISTS} otherwise, or
   *     {@link FsShieldException.Reason#IO_ERROR} when it cannot be read
   */
  static boolean absentOrEmpty(Path destination) throws FsShieldException {
    if (!Files.exists(destination, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (Files.isDirectory(destination, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      try (java.nio.file.DirectoryStream<Path> d = Files.newDirectoryStream(destination)) {
        if (!d.iterator().hasNext()) {
          return false;
        }
      } catch (IOException e) {
        throw new FsShieldException(
            FsShieldException.Reason.IO_ERROR,
            destination.toString(),
            destination + ": cannot read: " + e.getMessage(),
            e);
      }
    }
    throw new FsShieldException(
        FsShieldException.Reason.DESTINATION_EXISTS,
        destination.toString(),
        destination + ": exists and is not an empty directory");
  }

  /** Flushes a directory's entries to the disk (where the platform allows opening directories). */
  public static void forceDirectory(Path dir) throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      if (!System.getProperty("os.name", "").startsWith("Windows")) {
        throw e;
      }
    }
  }
}
