package io.coffer.attestation.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The measurement of simulated evidence: SHA-256 over a canonical walk of files and directories, so
 * that changed code gives a changed measurement, and the same tree gives the same measurement on
 * any machine.
 *
 * <p>Canonical form, fed to SHA-256 in this order:
 *
 * <ol>
 *   <li>the ASCII line {@code coffer-measurement/v1\n};
 *   <li>for every entry, sorted by its relative path's UTF-8 bytes: a type byte ({@code d}
 *       directory, {@code f} file, {@code l} symbolic link), the relative path (UTF-8, {@code /}
 *       separated, starting with the given path's own name) as a big-endian u32 length and bytes,
 *       the permission bits as a big-endian u32 (0 where the file system has none), then for a file
 *       its size as a big-endian u64 and the SHA-256 of its content, for a link its target as a u32
 *       length and UTF-8 bytes.
 * </ol>
 *
 * <p>Each path given contributes itself and, for a directory, everything below it. Two paths with
 * the same name are an error, as are entries other than files, directories and links. Links are
 * recorded, never followed. Ownership and timestamps are deliberately left out.
 */
public final class Measurement {

  private static final byte[] HEADER =
      "coffer-measurement/v1\n".getBytes(StandardCharsets.US_ASCII);

  private Measurement() {}

  /**
   * The measurement of {@code paths}.
   *
   * @throws IOException if a path cannot be read
   * @throws IllegalArgumentException for duplicate names or unsupported entries
   */
  public static byte[] of(List<Path> paths) throws IOException {
    TreeMap<String, Path> entries = new TreeMap<>(Measurement::compareUtf8);
    Set<String> roots = new HashSet<>();
    for (Path path : paths) {
      Path absolute = path.toAbsolutePath().normalize();
      Path name = absolute.getFileName();
      if (name == null) {
        throw new IllegalArgumentException("cannot measure the file system root");
      }
      if (!roots.add(name.toString())) {
        throw new IllegalArgumentException("two paths named '" + name + "' to measure");
      }
      if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
        throw new IOException(path + ": no such file or directory");
      }
      collect(absolute, absolute.getParent(), entries);
    }
    MessageDigest digest = sha256();
    digest.update(HEADER);
    for (var e : entries.entrySet()) {
      entry(digest, e.getKey(), e.getValue());
    }
    return digest.digest();
  }

  private static void collect(Path path, Path base, TreeMap<String, Path> out) throws IOException {
    List<Path> stack = new ArrayList<>(List.of(path));
    while (!stack.isEmpty()) {
      Path p = stack.removeLast();
      out.put(relative(base, p), p);
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        try (var children = Files.list(p)) {
          children.forEach(stack::add);
        }
      }
    }
  }

  private static void entry(MessageDigest digest, String relative, Path p) throws IOException {
    int mode = mode(p);
    if (Files.isSymbolicLink(p)) {
      digest.update((byte) 'l');
      string(digest, relative);
      u32(digest, mode);
      string(digest, Files.readSymbolicLink(p).toString().replace('\\', '/'));
    } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
      digest.update((byte) 'd');
      string(digest, relative);
      u32(digest, mode);
    } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      digest.update((byte) 'f');
      string(digest, relative);
      u32(digest, mode);
      MessageDigest content = sha256();
      long size = 0;
      try (InputStream in = Files.newInputStream(p)) {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0; ) {
          content.update(buffer, 0, n);
          size += n;
        }
      }
      u64(digest, size);
      digest.update(content.digest());
    } else {
      throw new IllegalArgumentException(p + ": neither a file, a directory nor a link");
    }
  }

  private static int mode(Path p) throws IOException {
    try {
      PosixFileAttributes a =
          Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      int mode = 0;
      for (PosixFilePermission perm : a.permissions()) {
        mode |= 1 << (8 - perm.ordinal());
      }
      return mode;
    } catch (UnsupportedOperationException e) {
      return 0;
    }
  }

  private static String relative(Path base, Path p) {
    return base.relativize(p).toString().replace('\\', '/');
  }

  private static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static void string(MessageDigest d, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u32(d, b.length);
    d.update(b);
  }

  private static void u32(MessageDigest d, int v) {
    d.update(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
  }

  private static void u64(MessageDigest d, long v) {
    u32(d, (int) (v >>> 32));
    u32(d, (int) v);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
