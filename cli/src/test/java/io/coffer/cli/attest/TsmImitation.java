package io.coffer.cli.attest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory tree that answers like the kernel's configfs-tsm: a new entry gets its attributes,
 * and each write of {@code inblob} produces {@code outblob} (a fixed report) and then bumps {@code
 * generation}. Records the last report data written.
 */
final class TsmImitation implements AutoCloseable {

  private final Path root;
  private final String provider;
  private final byte[] report;
  private final Map<Path, byte[]> inblobs = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile byte[] lastReportData;

  /** Serves entries below {@code root} as {@code provider} ({@code tdx_guest}, ...). */
  TsmImitation(Path root, String provider, byte[] report) throws IOException {
    this.root = Files.createDirectories(root);
    this.provider = provider;
    this.report = report.clone();
    this.thread = Thread.ofPlatform().daemon().start(this::run);
  }

  /** The report data last written to an entry, or null. */
  byte[] lastReportData() {
    return lastReportData == null ? null : lastReportData.clone();
  }

  private void run() {
    while (running) {
      try (Stream<Path> entries = Files.list(root)) {
        for (Path entry : entries.filter(Files::isDirectory).toList()) {
          serve(entry);
        }
        Thread.sleep(1);
      } catch (IOException e) {
        // The entry went away while it was served.
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void serve(Path entry) throws IOException {
    if (!Files.exists(entry.resolve("generation"))) {
      put(entry.resolve("provider"), (provider + "\n").getBytes());
      put(entry.resolve("outblob"), new byte[0]);
      put(entry.resolve("inblob"), new byte[0]);
      put(entry.resolve("generation"), "0\n".getBytes());
      inblobs.put(entry, new byte[0]);
      return;
    }
    byte[] in = Files.readAllBytes(entry.resolve("inblob"));
    if (!Arrays.equals(in, inblobs.get(entry))) {
      inblobs.put(entry, in);
      lastReportData = in;
      long g = Long.parseLong(Files.readString(entry.resolve("generation")).strip());
      put(entry.resolve("outblob"), report);
      put(entry.resolve("generation"), ((g + 1) + "\n").getBytes());
    }
  }

  private static void put(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.write(tmp, content);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
