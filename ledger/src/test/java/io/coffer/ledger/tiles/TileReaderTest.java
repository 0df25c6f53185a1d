package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileReaderTest {

  @TempDir Path dir;

  private Path file(String relative, byte[] contents) throws Exception {
    Path path = dir.resolve(relative);
    Files.createDirectories(path.getParent());
    return Files.write(path, contents);
  }

  /** A sparse file of {@code size} bytes: large on paper, nothing on disk. */
  private Path sparse(String relative, long size) throws Exception {
    Path path = file(relative, new byte[0]);
    try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw")) {
      raf.setLength(size);
    }
    return path;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertFails(
      ThrowingCall call, Reason reason) {
    return assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @FunctionalInterface
  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void reads_checkpointTilesAndBundles() throws Exception {
    file("checkpoint", "origin\n1\nroot\n".getBytes(StandardCharsets.UTF_8));
    file("tile/0/000.p/1", new byte[32]);
    file("tile/entries/000.p/1", new byte[] {0, 1, 'a'});
    TileReader reader = TileReader.open(dir);

    assertThat(reader.checkpoint()).asString(StandardCharsets.UTF_8).startsWith("origin\n");
    assertThat(reader.hashTile(new TileId(0, 0, 1)).width()).isEqualTo(1);
    assertThat(reader.entryBundle(new BundleId(0, 1)).entries()).containsExactly(new byte[] {'a'});
    assertThat(reader.directory()).isEqualTo(dir.toRealPath());
  }

  @Test
  void missingFiles_areMissing_namingTheFile() throws Exception {
    TileReader reader = TileReader.open(dir);

    assertFails(() -> reader.hashTile(TileId.full(2, 1_234_067)), Reason.MISSING)
        .hasMessage("tile/2/x001/x234/067: does not exist");
    assertFails(reader::checkpoint, Reason.MISSING).hasMessage("checkpoint: does not exist");
  }

  @Test
  void hashTileOfAnotherSize_isRefusedFromItsSize() throws Exception {
    sparse("tile/0/000", 1L << 40);
    file("tile/0/001.p/2", new byte[63]);
    TileReader reader = TileReader.open(dir);

    assertFails(() -> reader.hashTile(TileId.full(0, 0)), Reason.MALFORMED)
        .hasMessage("tile/0/000: is 1099511627776 bytes; it must be exactly 8192");
    assertFails(() -> reader.hashTile(new TileId(0, 1, 2)), Reason.MALFORMED)
        .hasMessage("tile/0/001.p/2: is 63 bytes; it must be exactly 64");
  }

  @Test
  void oversizedBundleAndCheckpoint_areRefusedBeforeReading() throws Exception {
    sparse("tile/entries/000.p/1", 65_538);
    sparse("tile/entries/001", 1L << 40);
    sparse("checkpoint", TileReader.MAX_CHECKPOINT_BYTES + 1L);
    TileReader reader = TileReader.open(dir);

    assertFails(() -> reader.entryBundle(new BundleId(0, 1)), Reason.TOO_LARGE)
        .hasMessage("tile/entries/000.p/1: is 65538 bytes; such a file is at most 65537");
    assertFails(() -> reader.entryBundle(BundleId.full(1)), Reason.TOO_LARGE);
    assertFails(reader::checkpoint, Reason.TOO_LARGE);
  }

  @Test
  void largestBundle_isRead() throws Exception {
    byte[] entry = new byte[65_535];
    file("tile/entries/000.p/1", EntryBundle.encode(List.of(entry)));

    assertThat(TileReader.open(dir).entryBundle(new BundleId(0, 1)).entry(0)).hasSize(65_535);
  }

  @Test
  void emptyCheckpoint_isMalformed() throws Exception {
    file("checkpoint", new byte[0]);

    assertFails(() -> TileReader.open(dir).checkpoint(), Reason.MALFORMED)
        .hasMessage("checkpoint: is empty");
  }

  @Test
  void directoryWhereAFileBelongs_isMalformed() throws Exception {
    Files.createDirectories(dir.resolve("tile/0/000"));

    assertFails(() -> TileReader.open(dir).hashTile(TileId.full(0, 0)), Reason.MALFORMED)
        .hasMessage("tile/0/000: is not a regular file");
  }

  @Test
  void symbolicLinks_areNeverFollowed() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    try {
      Path secret = Files.write(outside.resolve("secret"), new byte[32]);
      Files.createDirectories(dir.resolve("tile/0"));
      Files.createSymbolicLink(dir.resolve("tile/0/000.p"), outside);
      Files.createSymbolicLink(dir.resolve("tile/0/001"), secret);
      Files.createSymbolicLink(dir.resolve("tile/0/002"), outside.resolve("absent"));
      Files.createSymbolicLink(dir.resolve("checkpoint"), secret);
      Files.copy(secret, outside.resolve("1"));
      TileReader reader = TileReader.open(dir);

      assertFails(() -> reader.hashTile(new TileId(0, 0, 1)), Reason.UNSAFE_PATH)
          .hasMessageStartingWith("tile/0/000.p/1: leads through a symbolic link");
      assertFails(() -> reader.hashTile(TileId.full(0, 1)), Reason.UNSAFE_PATH);
      assertFails(() -> reader.hashTile(TileId.full(0, 2)), Reason.UNSAFE_PATH)
          .hasMessageStartingWith("tile/0/002: is a symbolic link");
      assertFails(reader::checkpoint, Reason.UNSAFE_PATH);
    } finally {
      try (var files = Files.walk(outside)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void open_missingOrNotADirectory_fails() throws Exception {
    assertFails(() -> TileReader.open(dir.resolve("absent")), Reason.MISSING);
    Path plain = file("plain", new byte[1]);
    assertFails(() -> TileReader.open(plain), Reason.MALFORMED);
  }
}
