package io.coffer.bench.fsshield;

import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.SealResult;
import io.coffer.fsshield.ShieldedTree;
import io.coffer.fsshield.TreeKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sequential read of a 1 GiB file, hot in the page cache: the plaintext file through a {@code
 * FileChannel}, and the same bytes sealed in encrypted mode read through {@link
 * ShieldedTree#newChannel} (each segment decrypted and authenticated), both into the same 1 MiB
 * heap buffer, as a Java program reads. The score is the time per GiB.
 *
 * <p>{@code segmentKiB} is the ciphertext segment size; {@code provider} the JDK's AES-GCM or
 * Corretto's. The files live in {@code java.io.tmpdir} and are deleted at the end. Run on a quiet
 * machine: {@code java -jar bench/target/benchmarks.jar fsshield.ReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 4)
@Measurement(iterations = 5, time = 4)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class ReadBenchmark {

  static final long FILE_BYTES = 1L << 30;

  @Param({"16", "64", "256", "1024"})
  public int segmentKiB;

  @Param({"jdk", "accp"})
  public String provider;

  private Path dir;
  private Path plain;
  private ShieldedTree tree;
  private final ByteBuffer buffer = ByteBuffer.allocate(1 << 20);

  @Setup
  public void setUp() throws Exception {
    Providers.install(provider);
    dir = Files.createTempDirectory("coffer-read-bench");
    plain = dir.resolve("src/data.bin");
    Files.createDirectories(plain.getParent());
    writeRandom(plain, FILE_BYTES);
    TreeKey key = TreeKey.generate();
    SealResult r =
        FsShield.seal(
            plain.getParent(),
            dir.resolve("sealed"),
            key,
            SealOptions.defaults().withSegmentSize(segmentKiB << 10).withDurable(false));
    tree = FsShield.open(dir.resolve("sealed"), key, r.tag());
    // Both files once through, so that both are in the page cache.
    plaintext();
    shielded();
  }

  static void writeRandom(Path file, long bytes) throws IOException {
    SplittableRandom random = new SplittableRandom(42);
    ByteBuffer b = ByteBuffer.allocate(1 << 20);
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (long done = 0; done < bytes; done += b.capacity()) {
        b.clear();
        while (b.remaining() >= 8) {
          b.putLong(random.nextLong());
        }
        b.flip();
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }
    }
  }

  /** The plaintext file: the baseline. */
  @Benchmark
  public long plaintext() throws IOException {
    try (FileChannel ch = FileChannel.open(plain, StandardOpenOption.READ)) {
      return drain(ch);
    }
  }

  /** The same bytes through the shield. */
  @Benchmark
  public long shielded() throws Exception {
    try (SeekableByteChannel ch = tree.newChannel("data.bin")) {
      return drain(ch);
    }
  }

  private long drain(SeekableByteChannel ch) throws IOException {
    long total = 0;
    int n;
    while ((n = ch.read(buffer.clear())) >= 0) {
      total += n;
    }
    if (total != FILE_BYTES) {
      throw new IllegalStateException("read " + total + " bytes, not " + FILE_BYTES);
    }
    return total;
  }

  @TearDown
  public void tearDown() throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
