package io.coffer.cli.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The demo's directory: the Coffer home, the CAS's data, the stakeholders' identities and trees,
 * the volume store, the work directories, the programs' output and the audit copy. A temporary
 * directory deleted at the end, or the directory {@code --keep} names (new or empty).
 *
 * @param root the directory
 * @param kept whether it stays after the demo
 */
record Workspace(Path root, boolean kept) {

  static Workspace create(Optional<Path> keep) throws IOException {
    if (keep.isEmpty()) {
      return new Workspace(Files.createTempDirectory("coffer-demo-").toRealPath(), false);
    }
    Path dir = keep.get().toAbsolutePath().normalize();
    if (Files.exists(dir)) {
      try (DirectoryStream<Path> d = Files.newDirectoryStream(dir)) {
        if (d.iterator().hasNext()) {
          throw new IOException(
              dir + ": exists and is not empty; --keep needs a new or empty directory");
        }
      }
    }
    Files.createDirectories(dir);
    return new Workspace(dir.toRealPath(), true);
  }

  Path home() {
    return root.resolve("home");
  }

  Path casData() {
    return root.resolve("cas-data");
  }

  Path identity(String who) {
    return root.resolve("identities").resolve(who);
  }

  /** A stakeholder's own files: its plaintext tree, sealed tree and keys. */
  Path stakeholder(String who) {
    return root.resolve("stakeholders").resolve(who);
  }

  Path volumes() {
    return root.resolve("volumes");
  }

  Path work(String service) {
    return root.resolve("work").resolve(service);
  }

  Path out() {
    return root.resolve("out");
  }

  Path audit() {
    return root.resolve("audit");
  }

  Path policies() {
    return root.resolve("policies");
  }

  /** Deletes the workspace unless it is kept. */
  void close() throws IOException {
    if (kept || !Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            dir.toFile().setWritable(true, true);
            dir.toFile().setExecutable(true, true);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
