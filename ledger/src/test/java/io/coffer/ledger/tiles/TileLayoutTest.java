package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileLayoutTest {

  private static final JsonNode TESSERA = TestVectors.json("tessera-layout-paths.json");

  @Test
  void bundleHolding_tesseraEntriesPathForLogIndexVectors() {
    JsonNode cases = TESSERA.get("entries_path_for_log_index").get("cases");
    assertThat(cases).hasSize(7);
    for (JsonNode c : cases) {
      assertThat(TileLayout.bundleHolding(c.get("seq").asLong(), c.get("logSize").asLong()).path())
          .as(c.toString())
          .isEqualTo(c.get("wantPath").asText());
    }
  }

  @Test
  void locate_tesseraNodeCoordsToTileAddressVectors() {
    JsonNode cases = TESSERA.get("node_coords_to_tile_address").get("cases");
    assertThat(cases).hasSize(5);
    for (JsonNode c : cases) {
      assertThat(TileLayout.locate(c.get("treeLevel").asInt(), c.get("treeIndex").asLong()))
          .as(c.toString())
          .isEqualTo(
              new TileLayout.TileAddress(
                  c.get("wantTileLevel").asInt(),
                  c.get("wantTileIndex").asLong(),
                  c.get("wantNodeLevel").asInt(),
                  c.get("wantNodeIndex").asLong()));
    }
  }

  @Test
  void newTiles_sumdbNewTilesForSizeVectors() {
    // The rule for which tiles a growing tree adds is Go sumdb's NewTiles; its vectors use height
    // 10.
    JsonNode vectors = TestVectors.json("golang-mod-sumdb-tlog.json").get("new_tiles_count");
    int height = vectors.get("height").asInt();
    assertThat(vectors.get("cases")).hasSize(7);
    for (JsonNode c : vectors.get("cases")) {
      assertThat(TileLayout.newTiles(height, c.get("old").asLong(), c.get("new").asLong()))
          .as(c.toString())
          .hasSize(c.get("want").asInt());
    }
  }

  @Test
  void counts_specExampleOfSize70000() {
    long size = 70_000;

    assertThat(TileLayout.levels(size)).isEqualTo(3);
    assertThat(TileLayout.fullTiles(0, size)).isEqualTo(273);
    assertThat(TileLayout.partialWidth(0, size)).isEqualTo(112);
    assertThat(TileLayout.fullTiles(1, size)).isEqualTo(1);
    assertThat(TileLayout.partialWidth(1, size)).isEqualTo(17);
    assertThat(TileLayout.fullTiles(2, size)).isZero();
    assertThat(TileLayout.partialWidth(2, size)).isEqualTo(1);
    assertThat(TileLayout.newTiles(0, size)).hasSize(273 + 1 + 1 + 1 + 1);
  }

  @Test
  void counts_specExampleOfSize256_oneFullTileAndALevel1TileOfWidth1() {
    assertThat(TileLayout.newTiles(0, 256)).containsExactly(TileId.full(0, 0), new TileId(1, 0, 1));
    assertThat(TileLayout.levels(0)).isZero();
    assertThat(TileLayout.newTiles(0, 0)).isEmpty();
  }

  @Test
  void newTiles_sunlightTreeOf300() {
    assertThat(TileLayout.newTiles(0, 300))
        .containsExactly(TileId.full(0, 0), new TileId(0, 1, 44), new TileId(1, 0, 1));
    assertThat(TileLayout.newTiles(300, 310)).containsExactly(new TileId(0, 1, 54));
  }

  @Test
  void layout_atTheLargestTreeSize() {
    long size = Long.MAX_VALUE;

    assertThat(TileLayout.levels(size)).isEqualTo(8);
    assertThat(TileLayout.partialWidth(7, size)).isEqualTo(127);
    assertThat(TileLayout.tileHolding(7, 126, size)).isEqualTo(new TileId(7, 0, 127));
  }

  @Test
  void tileHolding_beyondTheTree_fails() {
    assertThatThrownBy(() -> TileLayout.tileHolding(0, 300, 300))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TileLayout.tileHolding(1, 1, 300))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TileLayout.tileHolding(1, 0, 300)).isEqualTo(new TileId(1, 0, 1));
    assertThat(TileLayout.tileHolding(0, 255, 300)).isEqualTo(TileId.full(0, 0));
    assertThatThrownBy(() -> TileLayout.newTiles(10, 9))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(List.of(TileLayout.bundleHolding(299, 300))).containsExactly(new BundleId(1, 44));
  }
}
