package io.coffer.fsshield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The encrypted file channel returns exactly the plaintext for any sequence of positions and buffer
 * sizes (small reads through the cached segment, whole segments straight into the buffer, long runs
 * split with a second thread), and refuses a changed segment wherever it is read.
 */
class DecryptingChannelTest {

  private static final TreeKey KEY = TreeKey.of(new byte[32]);

  record Read(int position, int length, boolean direct) {}

  @Provide
  Arbitrary<List<Read>> reads() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 120_000),
            Arbitraries.oneOf(
                Arbitraries.integers().between(1, 5000),
                Arbitraries.integers().between(5000, 80_000)),
            Arbitraries.of(true, false))
        .as(Read::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(8);
  }

  private static Path sealOne(Path dir, byte[] content) throws Exception {
    Files.createDirectories(dir.resolve("src"));
    Files.write(dir.resolve("src/f"), content);
    return dir;
  }

  @Property(tries = 60)
  void anyReads_returnThePlaintext(
      @ForAll @IntRange(min = 0, max = 100_000) int size, @ForAll("reads") List<Read> reads)
      throws Exception {
    Path dir = Files.createTempDirectory("decrypting-channel");
    try {
      byte[] plain = SampleTrees.random(size, size);
      sealOne(dir, plain);
      SealResult r =
          FsShield.seal(
              dir.resolve("src"),
              dir.resolve("t"),
              KEY,
              SealOptions.defaults().withSegmentSize(4096).withDurable(false));
      ShieldedTree t = FsShield.open(dir.resolve("t"), KEY, r.tag());
      try (SeekableByteChannel ch = t.newChannel("f")) {
        assertThat(ch.size()).isEqualTo(size);
        for (Read read : reads) {
          ByteBuffer b =
              read.direct()
                  ? ByteBuffer.allocateDirect(read.length())
                  : ByteBuffer.allocate(read.length());
          ch.position(read.position());
          int n = ch.read(b);
          if (read.position() >= size) {
            assertThat(n).isEqualTo(-1);
            continue;
          }
          int expected = Math.min(read.length(), size - read.position());
          assertThat(n).isEqualTo(expected);
          byte[] got = new byte[n];
          b.flip().get(got);
          assertThat(got)
              .isEqualTo(Arrays.copyOfRange(plain, read.position(), read.position() + n));
          assertThat(ch.position()).isEqualTo(read.position() + n);
        }
      }
    } finally {
      delete(dir);
    }
  }

  @Property(tries = 20)
  void aChangedSegment_isRefused_whicheverThreadReadsIt(
      @ForAll @IntRange(min = 0, max = 40) int segment) throws Exception {
    Path dir = Files.createTempDirectory("decrypting-channel");
    try {
      sealOne(dir, SampleTrees.random(4080 * 41, 3));
      SealResult r =
          FsShield.seal(
              dir.resolve("src"),
              dir.resolve("t"),
              KEY,
              SealOptions.defaults().withSegmentSize(4096).withDurable(false));
      Path object;
      try (Stream<Path> s = Files.list(dir.resolve("t/objects"))) {
        object = s.findFirst().orElseThrow();
      }
      byte[] b = Files.readAllBytes(object);
      b[Math.min(b.length - 1, segment * 4096 + 100)] ^= 1;
      Files.write(object, b);
      ShieldedTree t = FsShield.open(dir.resolve("t"), KEY, r.tag());

      try (SeekableByteChannel ch = t.newChannel("f")) {
        assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1 << 20)))
            .isInstanceOf(TamperedFileException.class);
      }
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
