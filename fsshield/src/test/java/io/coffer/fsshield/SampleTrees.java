package io.coffer.fsshield;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test trees: made from a seed, and described (path to type, mode and content) for comparison. */
final class SampleTrees {
  private SampleTrees() {}

  /** A tree with nested directories, an empty file, a multi-segment file, a link and modes. */
  static Path sample(Path root) throws IOException {
    Files.createDirectories(root.resolve("app/lib"));
    Files.createDirectories(root.resolve("empty-dir"));
    Files.writeString(root.resolve("app/run.sh"), "#!/bin/sh\necho hello\n");
    Files.setPosixFilePermissions(
        root.resolve("app/run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.write(root.resolve("app/lib/data.bin"), random(200_000, 1));
    Files.write(root.resolve("app/empty"), new byte[0]);
    Files.writeString(
        root.resolve("über ñame.txt"), "unicode names are kept", StandardCharsets.UTF_8);
    Files.createSymbolicLink(root.resolve("app/current"), Path.of("lib/data.bin"));
    Files.setPosixFilePermissions(
        root.resolve("empty-dir"), PosixFilePermissions.fromString("rwx------"));
    return root;
  }

  static byte[] random(int size, long seed) {
    byte[] b = new byte[size];
    new Random(seed).nextBytes(b);
    return b;
  }

  /** Path → "d 755", "f 644 <sha of content>" or "l target", for every entry under root. */
  static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString();
        if (Files.isSymbolicLink(p)) {
          out.put(rel, "l " + Files.readSymbolicLink(p));
        } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          out.put(rel, "d " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        } else {
          out.put(
              rel,
              "f "
                  + PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
                  + " "
                  + java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(p))));
        }
      }
    }
    return out;
  }

  static byte[] sha256(byte[] b) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
