package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.log.LedgerOptions;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.store.MemoryLogStore;
import io.coffer.ledger.testing.TestVectors;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TilesWriterTest {

  @TempDir Path dir;

  private final List<Ledger> ledgers = new ArrayList<>();

  @AfterEach
  void close() {
    ledgers.forEach(Ledger::close);
  }

  private Ledger ledger(long count) throws Exception {
    Ledger ledger = TestLogs.ledger(count);
    ledgers.add(ledger);
    return ledger;
  }

  /** Every file below {@code root}, by relative path, with its contents. */
  private static Map<String, byte[]> files(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return out;
  }

  private VerifiedTiles verify(Path root, Ledger ledger, long size) throws Exception {
    return TilesVerifier.verify(TileReader.open(root), new TreeHead(size, ledger.root(size)));
  }

  @Test
  void export_roundTripsAtTileBoundaries() throws Exception {
    Ledger ledger = ledger(65_536 + 3);
    for (long size : new long[] {0, 1, 255, 256, 257, 65_536 + 3}) {
      Path out = dir.resolve("size-" + size);

      ExportResult result = TestLogs.export(ledger, size, out);

      assertThat(result.head()).isEqualTo(new TreeHead(size, ledger.root(size)));
      assertThat(verify(out, ledger, size).head()).isEqualTo(result.head());
      assertThat(Files.readAllBytes(out.resolve("checkpoint")))
          .isEqualTo(TestLogs.checkpoint(result.head()));
    }
  }

  @Test
  void export_writesExactlyTheFilesOfTheTreeSize() throws Exception {
    Ledger ledger = ledger(300);

    TestLogs.export(ledger, 256, dir.resolve("a"));
    TestLogs.export(ledger, 0, dir.resolve("b"));

    assertThat(files(dir.resolve("a")).keySet())
        .containsExactly("checkpoint", "tile/0/000", "tile/1/000.p/1", "tile/entries/000");
    assertThat(files(dir.resolve("b")).keySet()).containsExactly("checkpoint");
  }

  @Test
  void export_sunlightTree_reproducesItsTilesByteForByte() throws Exception {
    Ledger ledger = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    ledgers.add(ledger);
    for (int i = 0; i < 300; i++) {
      ledger.append(("record " + i).getBytes(StandardCharsets.UTF_8));
    }
    ledger.appendAndWait("record 300".getBytes(StandardCharsets.UTF_8));
    Path mirror = SunlightTiles.mirror();

    ExportResult result = TestLogs.export(ledger, 300, dir);

    assertThat(result.head().root()).isEqualTo(SunlightTiles.root());
    for (String tile : SunlightTiles.TILES) {
      assertThat(Files.readAllBytes(dir.resolve(tile)))
          .as(tile)
          .isEqualTo(Files.readAllBytes(mirror.resolve(tile)));
    }
  }

  @Test
  void export_largerSizeLater_addsOnlyWhatIsNew_andKeepsOldPartials() throws Exception {
    Ledger ledger = ledger(310);
    TestLogs.export(ledger, 300, dir);
    Map<String, byte[]> before = files(dir);

    ExportResult grown = TestLogs.export(ledger, 310, dir);

    assertThat(grown.bundlesWritten()).isEqualTo(1);
    assertThat(grown.tilesWritten()).isEqualTo(2);
    Map<String, byte[]> after = files(dir);
    assertThat(after.keySet())
        .containsExactly(
            "checkpoint",
            "tile/0/000",
            "tile/0/001.p/44",
            "tile/0/001.p/54",
            "tile/1/000.p/1",
            "tile/entries/000",
            "tile/entries/001.p/44",
            "tile/entries/001.p/54");
    before.remove("checkpoint");
    before.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
    // A client holding the older checkpoint can still check it against the directory.
    assertThat(verify(dir, ledger, 300).head().size()).isEqualTo(300);
    assertThat(verify(dir, ledger, 310).head().size()).isEqualTo(310);
  }

  @Test
  void export_incrementally_equalsOneExport() throws Exception {
    Ledger ledger = ledger(70_000);
    Path stepwise = dir.resolve("stepwise");
    Path once = dir.resolve("once");
    for (long size : new long[] {1, 300, 65_535, 65_536, 65_537, 70_000}) {
      TestLogs.export(ledger, size, stepwise);
    }

    ExportResult last = TestLogs.export(ledger, 70_000, stepwise);
    TestLogs.export(ledger, 70_000, once);

    assertThat(last.bundlesWritten()).isEqualTo(1);
    assertThat(last.tilesWritten()).isEqualTo(3);
    Map<String, byte[]> all = files(stepwise);
    files(once).forEach((path, bytes) -> assertThat(all.get(path)).as(path).isEqualTo(bytes));
    assertThat(verify(stepwise, ledger, 65_536).head().size()).isEqualTo(65_536);
  }

  @Test
  void export_afterAnInterruptedExport_rewritesTheMissingUpperTiles() throws Exception {
    Ledger ledger = ledger(65_536 + 300);
    TestLogs.export(ledger, 65_536 + 300, dir);
    // As if the export had stopped after level 0: the upper tiles and the checkpoint are missing.
    Files.delete(dir.resolve("tile/1/000"));
    Files.delete(dir.resolve("tile/1/001.p/1"));
    Files.delete(dir.resolve("tile/2/000.p/1"));
    Files.delete(dir.resolve("checkpoint"));

    ExportResult result = TestLogs.export(ledger, 65_536 + 300, dir);

    assertThat(result.bundlesWritten()).isEqualTo(1);
    assertThat(verify(dir, ledger, 65_536 + 300).head()).isEqualTo(result.head());
  }

  @Test
  void export_smallerTreeOverALargerOne_isRefused() throws Exception {
    Ledger ledger = ledger(600);
    TestLogs.export(ledger, 600, dir);
    byte[] checkpoint = Files.readAllBytes(dir.resolve("checkpoint"));

    assertThatThrownBy(() -> TestLogs.export(ledger, 300, dir))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("tile/0/001: belongs to a tree larger than 300");
    assertThatThrownBy(() -> TestLogs.export(ledger, 599, dir))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("tile/0/002.p/88: belongs to a tree larger than 599");
    assertThat(Files.readAllBytes(dir.resolve("checkpoint"))).isEqualTo(checkpoint);
  }

  @Test
  void export_sameSizeAgain_rewritesOnlyThePartials() throws Exception {
    Ledger ledger = ledger(600);
    TestLogs.export(ledger, 600, dir);

    ExportResult again = TestLogs.export(ledger, 600, dir);

    assertThat(again.bundlesWritten()).isEqualTo(1);
    assertThat(again.tilesWritten()).isEqualTo(2);
  }

  @Test
  void export_overTilesOfAnotherLog_isRefused_leavingThePublishedFilesAsTheyWere()
      throws Exception {
    Ledger other = Ledger.open(new MemoryLogStore(), LedgerOptions.defaults());
    ledgers.add(other);
    for (int i = 0; i < 299; i++) {
      other.append(("other " + i).getBytes(StandardCharsets.UTF_8));
    }
    other.appendAndWait("other 299".getBytes(StandardCharsets.UTF_8));
    TestLogs.export(other, 300, dir);
    Map<String, byte[]> published = files(dir);
    Ledger ledger = ledger(300);

    assertThatThrownBy(() -> TestLogs.export(ledger, 300, dir))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CONFLICT))
        .hasMessageContaining("the directory holds tiles of another log");
    Map<String, byte[]> after = files(dir);
    assertThat(after.keySet()).isEqualTo(published.keySet());
    published.forEach((path, bytes) -> assertThat(after.get(path)).as(path).isEqualTo(bytes));
  }

  @Test
  void export_failingWrite_leavesNoCheckpoint() throws Exception {
    Ledger ledger = ledger(300);
    // A directory where the partial level-1 tile must go makes its write fail.
    Files.createDirectories(dir.resolve("tile/1/000.p/1"));

    assertThatThrownBy(() -> TestLogs.export(ledger, 300, dir))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO_FAILED));
    assertThat(dir.resolve("checkpoint")).doesNotExist();
    try (Stream<Path> walk = Files.walk(dir)) {
      assertThat(walk.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }

  @Test
  void export_throughASymbolicLink_isRefused() throws Exception {
    Ledger ledger = ledger(300);
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path tiles = Files.createDirectories(dir.resolve("tiles/tile"));
    Files.createSymbolicLink(tiles.resolve("entries"), outside);

    assertThatThrownBy(() -> TestLogs.export(ledger, 300, dir.resolve("tiles")))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSAFE_PATH))
        .hasMessageStartingWith("tile/entries: ");
    try (Stream<Path> inOutside = Files.list(outside)) {
      assertThat(inOutside).isEmpty();
    }
  }

  @Test
  void export_checksItsArguments() throws Exception {
    Ledger ledger = ledger(3);
    TilesWriter writer = TilesWriter.open(dir);

    assertThatThrownBy(() -> writer.export(ledger, 4, new byte[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> writer.export(ledger, 3, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> writer.export(ledger, 3, new byte[TileReader.MAX_CHECKPOINT_BYTES + 1]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sunlightVectors_areWhereTheTestsExpectThem() {
    assertThat(TestVectors.directory("sunlight-skylight")).isDirectory();
  }
}
