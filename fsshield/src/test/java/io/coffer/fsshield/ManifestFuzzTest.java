package io.coffer.fsshield;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fuzzes the readers of untrusted bytes: the manifest's JSON reader, the sealed-manifest opener,
 * and the stored-file readers of both modes (a fuzzed object in place of a real one, read whole,
 * through a channel and verified). Each either accepts or fails with its own checked exception.
 *
 * <p>In the normal test run this replays the seed corpus in {@code
 * src/test/resources/io/coffer/fsshield/ManifestFuzzTestInputs/}; with {@code JAZZER_FUZZ=1} it
 * fuzzes (see {@code docs/fuzzing.md}).
 */
class ManifestFuzzTest {

  private static final TreeKey KEY = TreeKey.of(new byte[32]);

  @FuzzTest(maxDuration = "10s")
  void readers_anyBytes_acceptOrThrowTheirOwnException(FuzzedDataProvider data) throws Exception {
    boolean authenticated = data.consumeBoolean();
    int where = data.consumeInt(0, 3);
    byte[] input = data.consumeRemainingAsBytes();
    try {
      ManifestJson.read(input);
    } catch (InvalidManifestException e) {
      // The one allowed failure.
    }
    try {
      ManifestBox.open(input, KEY);
    } catch (java.security.GeneralSecurityException e) {
      // The one allowed failure.
    }
    storedFile(authenticated ? Mode.AUTHENTICATED : Mode.ENCRYPTED, where, input);
  }

  /** Seals one small file, replaces or splices its stored object with the input, reads it back. */
  private static void storedFile(Mode mode, int where, byte[] input) throws Exception {
    Path dir = Files.createTempDirectory("fsshield-fuzz");
    try {
      Files.createDirectories(dir.resolve("src"));
      Files.write(dir.resolve("src/f"), new byte[9000]);
      var r =
          FsShield.seal(
              dir.resolve("src"),
              dir.resolve("t"),
              KEY,
              SealOptions.defaults().withMode(mode).withSegmentSize(4096).withDurable(false));
      Path object;
      try (Stream<Path> s = Files.list(dir.resolve("t/objects"))) {
        object = s.findFirst().orElseThrow();
      }
      byte[] real = Files.readAllBytes(object);
      byte[] fuzzed =
          switch (where) {
            case 0 -> input;
            case 1 -> splice(real, 0, input);
            case 2 -> splice(real, real.length / 2, input);
            default -> splice(real, Math.max(0, real.length - input.length), input);
          };
      Files.write(object, fuzzed);
      ShieldedTree t = FsShield.open(dir.resolve("t"), KEY, r.tag());
      try {
        t.verify(Progress.none());
      } catch (FsShieldException e) {
        // The one allowed failure.
      }
      try (SeekableByteChannel ch = t.newChannel("f")) {
        ByteBuffer b = ByteBuffer.allocate(5000);
        while (ch.read(b) > 0) {
          b.clear();
        }
      } catch (FsShieldException | TamperedFileException e) {
        // The allowed failures.
      }
      try {
        t.unsealTo(dir.resolve("out"), Progress.none());
        if (!Arrays.equals(Files.readAllBytes(dir.resolve("out/f")), new byte[9000])) {
          throw new IllegalStateException("a fuzzed object unsealed to other bytes");
        }
      } catch (FsShieldException e) {
        // The one allowed failure.
      }
    } finally {
      delete(dir);
    }
  }

  private static byte[] splice(byte[] real, int at, byte[] input) {
    byte[] out = real.clone();
    System.arraycopy(input, 0, out, at, Math.min(input.length, out.length - at));
    return out;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder())
          .forEach(p -> {
            try {
              Files.delete(p);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    }
  }
}
