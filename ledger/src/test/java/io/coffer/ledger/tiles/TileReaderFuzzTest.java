package io.coffer.ledger.tiles;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Feeds arbitrary bytes to the tiles reader as the contents of a hash tile or an entry bundle, to
 * the path parsers, and to the verifier as a bundle beside genuine tiles: nothing may escape but
 * {@link TilesException}.
 *
 * <p>Input: byte 0 picks the target, byte 1 is the width minus one, the rest is the file contents
 * (or the path). Runs the seeds under {@code TileReaderFuzzTestInputs/} in the normal test suite;
 * {@code JAZZER_FUZZ=1} fuzzes (see docs/fuzzing.md).
 */
class TileReaderFuzzTest {

  private static final Path DIR = temporaryDirectory();

  private static Path temporaryDirectory() {
    try {
      Path dir = Files.createTempDirectory("tiles-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void readerAcceptsOrRefusesAnyBytes(byte[] input) throws IOException {
    if (input.length < 2) {
      return;
    }
    int width = (input[1] & 0xff) + 1;
    byte[] contents = Arrays.copyOfRange(input, 2, input.length);
    try {
      switch (input[0] & 0x03) {
        case 0 -> hashTile(width, contents);
        case 1 -> entryBundle(width, contents);
        case 2 -> paths(contents);
        default -> verify(width, contents);
      }
    } catch (TilesException expected) {
      // The one failure the reader may report.
    }
  }

  private static void hashTile(int width, byte[] contents) throws IOException, TilesException {
    TileId id = new TileId(0, 0, width);
    write(id.path(), contents);
    HashTile tile = TileReader.open(DIR).hashTile(id);
    tile.subtree(0, width - 1);
  }

  private static void entryBundle(int width, byte[] contents) throws IOException, TilesException {
    BundleId id = new BundleId(0, width);
    write(id.path(), contents);
    TileReader.open(DIR).entryBundle(id).entries();
  }

  private static void paths(byte[] contents) throws TilesException {
    String path = new String(contents, StandardCharsets.ISO_8859_1);
    try {
      TileId.parse(path);
    } finally {
      BundleId.parse(path);
    }
  }

  /** A fuzzed bundle beside the genuine level-0 tile of {@code width} entries, and its root. */
  private static void verify(int width, byte[] contents) throws IOException, TilesException {
    List<Hash> leaves = new ArrayList<>();
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < width; i++) {
      Hash leaf = TreeHasher.leaf(("entry " + i).getBytes(StandardCharsets.UTF_8));
      leaves.add(leaf);
      range.append(leaf, (id, h) -> {});
    }
    Path tree = DIR.resolve("verify");
    TileId tile = new TileId(0, 0, width);
    write("verify/" + tile.path(), HashTile.of(tile, leaves).encoded());
    if (width == TileId.FULL_WIDTH) {
      write(
          "verify/tile/1/000.p/1",
          HashTile.of(new TileId(1, 0, 1), List.of(range.root())).encoded());
    }
    write("verify/" + new BundleId(0, width).path(), contents);
    TilesVerifier.verify(TileReader.open(tree), new TreeHead(width, range.root()));
  }

  private static void write(String relative, byte[] contents) throws IOException {
    Path path = DIR.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.write(path, contents);
  }
}
