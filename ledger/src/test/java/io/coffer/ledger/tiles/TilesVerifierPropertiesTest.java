package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.merkle.TreeHead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * For random tree sizes, an exported directory verifies, and any single-byte change to any hash
 * tile or entry bundle of it makes verification fail (the checkpoint file is the caller's to check,
 * so it is left out).
 */
class TilesVerifierPropertiesTest {

  private static final int MAX_SIZE = 1_100;

  private static Ledger ledger;

  @BeforeContainer
  static void open() throws Exception {
    ledger = TestLogs.ledger(MAX_SIZE);
  }

  @AfterContainer
  static void close() {
    ledger.close();
  }

  private static TreeHead head(long size) throws Exception {
    return new TreeHead(size, ledger.root(size));
  }

  @Property(tries = 25)
  void export_thenVerify_succeeds(@ForAll @IntRange(min = 0, max = MAX_SIZE) int size)
      throws Exception {
    Path dir = Files.createTempDirectory("tiles-property");
    try {
      TestLogs.export(ledger, size, dir);

      VerifiedTiles verified = TilesVerifier.verify(TileReader.open(dir), head(size));

      assertThat(verified.head()).isEqualTo(head(size));
      assertThat(verified.tilesRead()).isEqualTo(TileLayout.newTiles(0, size).size());
    } finally {
      TestLogs.deleteTree(dir);
    }
  }

  @Property(tries = 60)
  void anySingleByteChange_failsVerification(
      @ForAll @IntRange(min = 1, max = 700) int size,
      @ForAll @IntRange(min = 0, max = 1_000_000) int fileChoice,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int positionChoice,
      @ForAll @IntRange(min = 1, max = 255) int xor)
      throws Exception {
    Path dir = Files.createTempDirectory("tiles-property");
    try {
      TestLogs.export(ledger, size, dir);
      List<Path> files;
      try (Stream<Path> walk = Files.walk(dir.resolve("tile"))) {
        files = walk.filter(Files::isRegularFile).sorted().toList();
      }
      Path file = files.get(fileChoice % files.size());
      byte[] bytes = Files.readAllBytes(file);
      bytes[positionChoice % bytes.length] ^= (byte) xor;
      Files.write(file, bytes);

      assertThatThrownBy(() -> TilesVerifier.verify(TileReader.open(dir), head(size)))
          .as(dir.relativize(file).toString())
          .isInstanceOf(TilesException.class);
    } finally {
      TestLogs.deleteTree(dir);
    }
  }
}
