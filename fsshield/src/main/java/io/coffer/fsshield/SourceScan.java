package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what a directory tree holds, without following symbolic links: directories, regular files
 * and links, sorted by path. Devices, sockets and pipes are refused.
 */
final class SourceScan {

  /**
   * One entry of the source.
   *
   * @param path its tree path
   * @param kind what it is
   * @param permissions its permission bits
   * @param size a file's size
   * @param linkTarget a link's target, else null
   */
  public record Item(String path, Kind kind, int permissions, long size, String linkTarget) {}

  /** What an item is. */
  public enum Kind {
    DIRECTORY,
    FILE,
    SYMLINK
  }

  private SourceScan() {}

  /**
   * Scans a tree.
   *
   * @throws FsShieldException naming the path that cannot be sealed
   */
  public static List<Item> scan(Path root) throws FsShieldException {
    List<Item> items = new ArrayList<>();
    FsShieldException[] refused = new FsShieldException[1];
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
                throws IOException {
              if (!dir.equals(root) && !add(dir, attrs)) {
                return FileVisitResult.TERMINATE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              return add(file, attrs) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              refused[0] =
                  new FsShieldException(
                      Reason.IO_ERROR,
                      file.toString(),
                      file + ": cannot read: " + e.getMessage(),
                      e);
              return FileVisitResult.TERMINATE;
            }

            private boolean add(Path p, BasicFileAttributes attrs) throws IOException {
              String path = treePath(root, p);
              String problem = TreePath.problem(path);
              if (problem != null) {
                refused[0] =
                    new FsShieldException(
                        Reason.BAD_PATH, path, path + ": cannot be sealed: " + problem);
                return false;
              }
              if (attrs.isSymbolicLink()) {
                items.add(new Item(path, Kind.SYMLINK, 0, 0, Files.readSymbolicLink(p).toString()));
              } else if (attrs.isDirectory()) {
                items.add(new Item(path, Kind.DIRECTORY, permissions(p, 0755), 0, null));
              } else if (attrs.isRegularFile()) {
                items.add(new Item(path, Kind.FILE, permissions(p, 0644), attrs.size(), null));
              } else {
                refused[0] =
                    new FsShieldException(
                        Reason.UNSUPPORTED_FILE,
                        path,
                        path + ": not a regular file, directory or symbolic link");
                return false;
              }
              return true;
            }
          });
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.IO_ERROR, root.toString(), root + ": cannot read: " + e.getMessage(), e);
    }
    if (refused[0] != null) {
      throw refused[0];
    }
    items.sort(Comparator.comparing(Item::path));
    return items;
  }

  private static String treePath(Path root, Path p) {
    Path rel = root.relativize(p);
    StringBuilder s = new StringBuilder();
    for (Path name : rel) {
      if (!s.isEmpty()) {
        s.append('/');
      }
      s.append(name);
    }
    return s.toString();
  }

  /** The permission bits of a file, or the default where the file system has none. */
  static int permissions(Path p, int fallback) throws IOException {
    if (!p.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return fallback;
    }
    Set<PosixFilePermission> set = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
    int bits = 0;
    for (PosixFilePermission perm : set) {
      bits |= 1 << (8 - perm.ordinal());
    }
    return bits;
  }

  /** The permission set of bits. */
  public static Set<PosixFilePermission> permissionSet(int bits) {
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission perm : PosixFilePermission.values()) {
      if ((bits & (1 << (8 - perm.ordinal()))) != 0) {
        set.add(perm);
      }
    }
    return set;
  }
}
