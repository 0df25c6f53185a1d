package io.coffer.bench.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary directory for a benchmark's database files, deleted with everything in it. */
final class TempDatabase implements AutoCloseable {

  private final Path dir;

  TempDatabase(String name) throws IOException {
    this.dir = Files.createTempDirectory("coffer-" + name + "-");
  }

  /** The SQLite file (its WAL and shared-memory files sit next to it). */
  Path file() {
    return dir.resolve("log.db");
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
