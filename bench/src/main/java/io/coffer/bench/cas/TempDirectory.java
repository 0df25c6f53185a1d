package io.coffer.bench.cas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for a run's CAS data, deleted with everything in it. */
final class TempDirectory implements AutoCloseable {

  private final Path dir;

  TempDirectory(String name) throws IOException {
    this.dir = Files.createTempDirectory("coffer-" + name + "-");
  }

  Path path() {
    return dir;
  }

  @Override
  public void close() {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
