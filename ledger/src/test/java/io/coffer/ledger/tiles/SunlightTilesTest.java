package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sunlight/skylight vectors: the hash tiles of the tree of 300 leaves 'record 0' .. 'record
 * 299' and the mirror's checkpoint for it. The vectors hold no entry bundles (EXPECTED.json:
 * sunlight's were placeholders), so the tests write them from the leaf rule.
 */
class SunlightTilesTest {

  @TempDir Path dir;

  /** The mirror's tiles plus entry bundles written by hand from the leaf rule. */
  private Path withBundles() throws Exception {
    for (String tile : SunlightTiles.TILES) {
      Path target = dir.resolve(tile);
      Files.createDirectories(target.getParent());
      Files.copy(SunlightTiles.mirror().resolve(tile), target);
    }
    Files.createDirectories(dir.resolve("tile/entries/001.p"));
    Files.write(dir.resolve("tile/entries/000"), bundle(0, 256));
    Files.write(dir.resolve("tile/entries/001.p/44"), bundle(256, 300));
    return dir;
  }

  /** uint16 big-endian length || bytes, for each record, written without EntryBundle. */
  private static byte[] bundle(int from, int to) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = from; i < to; i++) {
      byte[] record = SunlightTiles.record(i);
      out.write(0);
      out.write(record.length);
      out.writeBytes(record);
    }
    return out.toByteArray();
  }

  private static Hash rootOfRecords(int count) {
    CompactRange range = CompactRange.empty();
    for (int i = 0; i < count; i++) {
      range.append(TreeHasher.leaf(SunlightTiles.record(i)), (id, h) -> {});
    }
    return range.root();
  }

  @Test
  void records_reproduceTheMirrorCheckpointRoot() {
    assertThat(rootOfRecords(300)).isEqualTo(SunlightTiles.root());
    assertThat(SunlightTiles.root().toBase64())
        .isEqualTo("gw31yQrqZZCcEOPrzX+bpy3nJ6QgngTKn8G1m0i62uU=");
  }

  @Test
  void verify_mirrorTilesWithTheRecords_succeeds() throws Exception {
    VerifiedTiles verified =
        TilesVerifier.verify(
            TileReader.open(withBundles()), new TreeHead(300, SunlightTiles.root()), List.of(256L));

    assertThat(verified.tilesRead()).isEqualTo(3);
    assertThat(verified.bundlesRead()).isEqualTo(2);
    assertThat(verified.rootAt(256)).contains(rootOfRecords(256));
  }

  @Test
  void verify_treeCheckpointsFakeRoot_isRootMismatch() throws Exception {
    TileReader reader = TileReader.open(withBundles());

    assertThatThrownBy(
            () -> TilesVerifier.verify(reader, new TreeHead(300, SunlightTiles.fakeRoot())))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROOT_MISMATCH));
  }

  @Test
  void tiles_holdTheRecordsLeafHashesAndTheirSubtree() throws Exception {
    TileReader reader = TileReader.open(SunlightTiles.mirror());
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      leaves.add(TreeHasher.leaf(SunlightTiles.record(i)));
    }

    HashTile full = reader.hashTile(TileId.parse("tile/0/000"));
    HashTile partial = reader.hashTile(TileId.parse("tile/0/001.p/44"));
    HashTile upper = reader.hashTile(TileId.parse("tile/1/000.p/1"));

    for (int i = 0; i < 256; i++) {
      assertThat(full.hash(i)).isEqualTo(leaves.get(i));
    }
    for (int i = 0; i < 44; i++) {
      assertThat(partial.hash(i)).isEqualTo(leaves.get(256 + i));
    }
    assertThat(upper.hash(0)).isEqualTo(full.subtree(8, 0)).isEqualTo(rootOfRecords(256));
  }

  @Test
  void subtreeSource_mirrorTiles_giveTheRootAtEverySize() throws Exception {
    TileSubtreeSource source = new TileSubtreeSource(TileReader.open(SunlightTiles.mirror()), 300);

    assertThat(source.root(300)).isEqualTo(SunlightTiles.root());
    for (int size = 0; size <= 300; size += 13) {
      assertThat(source.root(size)).as("size " + size).isEqualTo(rootOfRecords(size));
    }
  }
}
