package io.coffer.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The work directory: the one place a run writes plaintext. Paths of the policy are taken as they
 * are and must lie inside it; directories are made {@code 0700}; no symbolic link is followed on
 * the way to anything written.
 */
final class WorkArea {

  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIRECTORY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path root;

  /**
   * @param root the work directory, absolute and normal
   */
  WorkArea(Path root) {
    Objects.requireNonNull(root, "root");
    if (!root.isAbsolute() || !root.normalize().equals(root)) {
      throw new IllegalArgumentException("the work directory must be absolute and normal");
    }
    this.root = root;
  }

  /** The work directory. */
  Path root() {
    return root;
  }

  /**
   * The path {@code policyPath} names, checked to be an absolute path strictly inside the work
   * directory (or the work directory itself when {@code mayBeRoot}) with no {@code .} or {@code ..}
   * segment.
   *
   * @param what what the path is, for the message ({@code files[2].path})
   * @throws RunException {@link RunException.Reason#PATH_OUTSIDE_WORK_DIRECTORY}
   */
  Path inside(String policyPath, String what, boolean mayBeRoot) throws RunException {
    Path p;
    try {
      p = Path.of(policyPath);
    } catch (InvalidPathException e) {
      throw outside(what, policyPath, "not a path");
    }
    if (!p.isAbsolute()) {
      throw outside(what, policyPath, "not absolute");
    }
    for (Path name : p) {
      if (name.toString().equals(".") || name.toString().equals("..")) {
        throw outside(what, policyPath, "has a . or .. segment");
      }
    }
    if (!p.startsWith(root) || (!mayBeRoot && p.equals(root))) {
      throw outside(what, policyPath, "not inside the work directory " + root);
    }
    return p;
  }

  private static RunException outside(String what, String path, String why) {
    return new RunException(
        RunException.Reason.PATH_OUTSIDE_WORK_DIRECTORY,
        what + " " + path + ": " + why + "; coffer run writes plaintext only there (--work)");
  }

  /**
   * Checks that the work directory does not exist or is an empty directory (a leftover would be
   * someone's plaintext, or a trap), without changing anything.
   *
   * @throws RunException {@link RunException.Reason#WORK_DIRECTORY_NOT_EMPTY}
   */
  void requireEmpty() throws RunException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new RunException(
          RunException.Reason.WORK_DIRECTORY_NOT_EMPTY,
          "work directory " + root + ": exists and is not a directory (or is a symbolic link)");
    }
    try (DirectoryStream<Path> d = Files.newDirectoryStream(root)) {
      if (d.iterator().hasNext()) {
        throw new RunException(
            RunException.Reason.WORK_DIRECTORY_NOT_EMPTY,
            "work directory "
                + root
                + ": not empty (a leftover of another run would be its plaintext); empty it or"
                + " choose another --work");
      }
    } catch (IOException e) {
      throw io("work directory " + root + ": cannot read", e);
    }
  }

  /** Makes the work directory ({@code 0700}) when it does not exist. */
  void create() throws RunException {
    try {
      if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(root.getParent());
        Files.createDirectory(root, PRIVATE_DIRECTORY);
      }
    } catch (IOException e) {
      throw io("work directory " + root + ": cannot create", e);
    }
  }

  /**
   * Makes {@code dir} and its missing parents inside the work directory, {@code 0700} each; every
   * existing component must be a directory, not a symbolic link.
   *
   * @throws RunException {@link RunException.Reason#UNSAFE_PATH} for a link or a non-directory
   */
  void directories(Path dir) throws RunException {
    Path at = root;
    for (Path name : root.relativize(dir)) {
      at = at.resolve(name);
      if (Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
        if (!Files.isDirectory(at, LinkOption.NOFOLLOW_LINKS)) {
          throw new RunException(
              RunException.Reason.UNSAFE_PATH,
              at + ": a symbolic link or a file where a directory must be; not followed");
        }
        continue;
      }
      try {
        Files.createDirectory(at, PRIVATE_DIRECTORY);
      } catch (IOException e) {
        throw io(at + ": cannot create the directory", e);
      }
    }
  }

  /**
   * Writes a new file with {@code mode}, its parents made by {@link #directories}. An existing file
   * or link at the path is refused, never replaced or followed.
   */
  void writeFile(Path file, int mode, byte[] content) throws RunException {
    directories(file.getParent());
    try (SeekableByteChannel out =
        Files.newByteChannel(
            file,
            Set.of(
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
            PRIVATE_FILE)) {
      ByteBuffer b = ByteBuffer.wrap(content);
      while (b.hasRemaining()) {
        out.write(b);
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new RunException(
          RunException.Reason.PATH_CONFLICT,
          file
              + ": exists already (in the protected image tree?); a policy file does not replace"
              + " it",
          e);
    } catch (IOException e) {
      throw io(file + ": cannot write", e);
    }
    try {
      Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(permissions(mode));
    } catch (IOException e) {
      throw io(file + ": cannot set its mode", e);
    }
  }

  /** The permission bits {@code mode} (at most 0777) as a set. */
  static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {
      PosixFilePermission.OTHERS_EXECUTE,
      PosixFilePermission.OTHERS_WRITE,
      PosixFilePermission.OTHERS_READ,
      PosixFilePermission.GROUP_EXECUTE,
      PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_READ,
      PosixFilePermission.OWNER_EXECUTE,
      PosixFilePermission.OWNER_WRITE,
      PosixFilePermission.OWNER_READ
    };
    for (int bit = 0; bit < order.length; bit++) {
      if ((mode & (1 << bit)) != 0) {
        out.add(order[bit]);
      }
    }
    return out;
  }

  /**
   * Deletes everything inside the work directory, links as links, and keeps the directory.
   * Directories the program made unwritable are made writable first.
   *
   * @throws RunException {@link RunException.Reason#IO_ERROR} naming the first thing that could not
   *     be deleted (the rest is still tried)
   */
  void clear() throws RunException {
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    IOException[] first = new IOException[1];
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              try {
                Files.getFileAttributeView(
                        dir, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setPermissions(PosixFilePermissions.fromString("rwx------"));
              } catch (IOException e) {
                remember(e);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              remember(e);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) {
              if (e != null) {
                remember(e);
              }
              if (!dir.equals(root)) {
                delete(dir);
              }
              return FileVisitResult.CONTINUE;
            }

            private void delete(Path p) {
              try {
                Files.deleteIfExists(p);
              } catch (IOException e) {
                remember(e);
              }
            }

            private void remember(IOException e) {
              if (first[0] == null) {
                first[0] = e;
              }
            }
          });
    } catch (IOException e) {
      first[0] = first[0] == null ? e : first[0];
    }
    if (first[0] != null) {
      throw io("work directory " + root + ": cannot delete everything in it", first[0]);
    }
  }

  private static RunException io(String message, IOException e) {
    return new RunException(RunException.Reason.IO_ERROR, message + ": " + e, e);
  }
}
