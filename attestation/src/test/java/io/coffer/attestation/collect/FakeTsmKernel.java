package io.coffer.attestation.collect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A directory tree that behaves like the kernel's configfs-tsm for tests: a new entry gets its
 * attributes, each write of {@code inblob} bumps {@code generation} and produces {@code outblob}
 * (written before the generation, as the kernel has it ready when the count shows). Published in
 * the test-jar for other modules' tests of collection.
 */
public final class FakeTsmKernel implements AutoCloseable {

  private final Path root;
  private final String provider;
  private final UnaryOperator<byte[]> report;
  private final int extraWritesPerReport;
  private final Map<Path, byte[]> lastInblob = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile byte[] lastReportData;

  /**
   * @param extraWritesPerReport how many extra generations to add after each report, imitating
   *     another process writing to the same entry (0 for a well-behaved kernel)
   */
  public FakeTsmKernel(
      Path root, String provider, UnaryOperator<byte[]> report, int extraWritesPerReport) {
    this.root = root;
    this.provider = provider;
    this.report = report;
    this.extraWritesPerReport = extraWritesPerReport;
    this.thread = Thread.ofPlatform().daemon().start(this::run);
  }

  /** The report data last written to an entry's {@code inblob}, or null. */
  public byte[] lastReportData() {
    byte[] last = lastReportData;
    return last == null ? null : last.clone();
  }

  private void run() {
    while (running) {
      try (Stream<Path> entries = Files.list(root)) {
        for (Path entry : entries.filter(Files::isDirectory).toList()) {
          serve(entry);
        }
        Thread.sleep(1);
      } catch (IOException e) {
        // The entry went away while being served: fine.
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
      lastInblob.put(entry, new byte[0]);
      return;
    }
    byte[] in = Files.readAllBytes(entry.resolve("inblob"));
    if (!Arrays.equals(in, lastInblob.get(entry))) {
      lastInblob.put(entry, in);
      lastReportData = in;
      long g = Long.parseLong(Files.readString(entry.resolve("generation")).strip());
      put(entry.resolve("outblob"), report.apply(in));
      put(entry.resolve("generation"), ((g + 1 + extraWritesPerReport) + "\n").getBytes());
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
