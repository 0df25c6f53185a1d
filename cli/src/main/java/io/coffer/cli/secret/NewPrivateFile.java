package io.coffer.cli.secret;

import io.coffer.cli.command.CommandException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * A file that did not exist, created readable and writable by its owner only (mode 0600, set as it
 * is created, so the value is never in a file others can open), for a secret's value.
 *
 * <p>Never replaces or follows anything already at the path (a file, a directory, a symbolic link):
 * creation is exclusive ({@link StandardOpenOption#CREATE_NEW}). On a file system without POSIX
 * permissions the file is not written at all.
 */
final class NewPrivateFile {

  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private NewPrivateFile() {}

  /**
   * Refuses {@code file} early, before anything is asked of the CAS, if something is there already.
   *
   * @throws CommandException a usage error naming the file
   */
  static void requireAbsent(Path file) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw exists(file);
    }
  }

  /**
   * Creates {@code file} with {@code bytes}; on a failure to write, removes what it created.
   *
   * @throws CommandException a usage error when {@code file} exists, unreadable input when it
   *     cannot be created or written
   */
  static void write(Path file, byte[] bytes) {
    OutputStream out;
    try {
      out =
          Channels.newOutputStream(
              Files.newByteChannel(
                  file,
                  Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                  OWNER_ONLY));
    } catch (FileAlreadyExistsException e) {
      throw exists(file);
    } catch (UnsupportedOperationException e) {
      throw CommandException.badInput(
          "--out " + file + ": the file system has no POSIX permissions to keep it private", e);
    } catch (IOException e) {
      throw CommandException.badInput("--out " + file + ": cannot create: " + e.getMessage(), e);
    }
    try (out) {
      out.write(bytes);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // The write failure is the one to report; a partial file is only the owner's to read.
      }
      throw CommandException.badInput("--out " + file + ": cannot write: " + e.getMessage(), e);
    }
  }

  private static CommandException exists(Path file) {
    return CommandException.usage("--out " + file + ": exists already; give a new file");
  }
}
