package io.coffer.bench.fsshield;

import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.Mode;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.SealResult;
import io.coffer.fsshield.TreeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing a tree, whole, into a fresh destination: {@code small}, 10,000 files of 1 to 4 KiB (24.4
 * MiB in 100 directories), or {@code large}, one file of 256 MiB. {@code durable} flushes every
 * stored file, the manifest and the directories to the disk before the tree is moved into place
 * (the default of {@code coffer fs seal}); without it the page cache holds them. The source is hot
 * in the page cache. Divide the tree's size by the time for MB/s.
 *
 * <p>Run on a quiet machine: {@code java -jar bench/target/benchmarks.jar fsshield.SealBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class SealBenchmark {

  @Param({"small", "large"})
  public String tree;

  @Param({"true", "false"})
  public boolean durable;

  @Param({"encrypted"})
  public String mode;

  @Param({"accp"})
  public String provider;

  private Path dir;
  private Path source;
  private Path destination;
  private final TreeKey key = TreeKey.generate();

  /** Bytes in the source tree. */
  long bytes;

  @Setup
  public void setUp() throws IOException {
    Providers.install(provider);
    dir = Files.createTempDirectory("coffer-seal-bench");
    source = dir.resolve("src");
    if (tree.equals("small")) {
      SplittableRandom random = new SplittableRandom(7);
      for (int i = 0; i < 10_000; i++) {
        Path d = source.resolve("d" + (i % 100));
        Files.createDirectories(d);
        byte[] b = new byte[1024 + random.nextInt(3 * 1024 + 1)];
        random.nextBytes(b);
        Files.write(d.resolve("f" + i), b);
        bytes += b.length;
      }
    } else {
      Files.createDirectories(source);
      ReadBenchmark.writeRandom(source.resolve("large.bin"), 256L << 20);
      bytes = 256L << 20;
    }
  }

  @Setup(Level.Iteration)
  public void freshDestination() throws IOException {
    destination = dir.resolve("sealed");
    delete(destination);
  }

  @Benchmark
  public SealResult seal() throws Exception {
    return FsShield.seal(
        source,
        destination,
        key,
        SealOptions.defaults().withMode(Mode.fromCliName(mode)).withDurable(durable));
  }

  @TearDown
  public void tearDown() throws IOException {
    System.out.println("\nsource tree: " + bytes + " bytes");
    delete(dir);
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
