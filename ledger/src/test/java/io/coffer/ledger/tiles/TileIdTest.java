package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileIdTest {

  private static final JsonNode TESSERA = TestVectors.json("tessera-layout-paths.json");

  @Test
  void path_tesseraTilePathVectors() throws TilesException {
    JsonNode cases = TESSERA.get("tile_path").get("cases");
    assertThat(cases).hasSize(5);
    for (JsonNode c : cases) {
      int p = c.path("p").asInt(0);
      TileId id = new TileId(c.get("level").asInt(), c.get("index").asLong(), p == 0 ? 256 : p);

      assertThat(id.path()).as(c.toString()).isEqualTo(c.get("wantPath").asText());
      assertThat(TileId.parse(id.path())).isEqualTo(id);
    }
  }

  @Test
  void parse_tesseraParseTileLevelIndexPartialVectors() throws TilesException {
    JsonNode cases = TESSERA.get("parse_tile_level_index_partial").get("cases");
    List<String> rejected = new ArrayList<>();
    for (JsonNode c : cases) {
      String path = "tile/" + c.get("pathLevel").asText() + "/" + c.get("pathIndex").asText();
      if (c.path("wantErr").asBoolean(false)) {
        assertThatThrownBy(() -> TileId.parse(path))
            .as(path)
            .isInstanceOfSatisfying(
                TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PATH));
        rejected.add(path);
      } else {
        int p = c.get("wantP").asInt();
        assertThat(TileId.parse(path))
            .as(path)
            .isEqualTo(
                new TileId(
                    c.get("wantLevel").asInt(), c.get("wantIndex").asLong(), p == 0 ? 256 : p));
      }
    }
    assertThat(rejected).hasSize(15);
  }

  @Test
  void parse_sumdbTilePaths_sharedIndexEncoding() throws TilesException {
    // Go's sumdb tiles are tile/H/L/N[.p/W]: without the height element, the level, the index
    // encoding and the partial width are those of C2SP. A full sumdb tile holds 2^H hashes, a full
    // C2SP tile 256, so a full tile's width is not compared. Data tiles (L = -1, 'data') map to
    // entry bundles, see BundleIdTest.
    JsonNode cases =
        TestVectors.json("golang-mod-sumdb-tlog.json").get("sumdb_tile_paths").get("cases");
    int checked = 0;
    for (JsonNode c : cases) {
      String sumdb = c.get("path").asText();
      String withoutHeight = "tile/" + sumdb.substring(sumdb.indexOf('/', 5) + 1);
      JsonNode want = c.get("tile");
      if (want.isNull()) {
        assertThatThrownBy(() -> TileId.parse(withoutHeight))
            .as(sumdb)
            .isInstanceOf(TilesException.class);
        checked++;
      } else if (want.get("L").asInt() >= 0) {
        TileId id = TileId.parse(withoutHeight);
        assertThat(id.level()).as(sumdb).isEqualTo(want.get("L").asInt());
        assertThat(id.index()).as(sumdb).isEqualTo(want.get("N").asLong());
        if (sumdb.contains(".p/")) {
          assertThat(id.width()).as(sumdb).isEqualTo(want.get("W").asInt());
        } else {
          assertThat(id.isFull()).isTrue();
        }
        checked++;
      }
    }
    assertThat(checked).isEqualTo(7);
  }

  @Test
  void parse_rejectsOtherKindsAndShapes() {
    String[][] cases = {
      {"tile/entries/000", "tile/entries/000: this is an entry bundle path, not a hash tile path"},
      {"tiles/0/000", "tiles/0/000: a hash tile path starts with 'tile/'"},
      {"/tile/0/000", "/tile/0/000: a hash tile path starts with 'tile/'"},
      {"tile/0", "tile/0: a hash tile path is 'tile/<L>/<N>[.p/<W>]'"},
      {"tile/0/", "tile/0/: index element 1 ('') must be 3 digits"},
      {"tile//000", "tile//000: the level is empty"},
      {"tile/0//000", "tile/0//000: index element 1 ('') must start with 'x': all but the last do"},
      {
        "tile/0/x001/../000",
        "tile/0/x001/../000: index element 2 ('..') must start with 'x': all but the last do"
      },
      {
        "tile/0/000/",
        "tile/0/000/: index element 1 ('000') must start with 'x': all but the last do"
      },
      {"checkpoint", "checkpoint: a hash tile path starts with 'tile/'"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> TileId.parse(c[0])).as(c[0]).hasMessage(c[1]);
    }
  }

  @Test
  void constructor_rejectsOutOfRangeValues() {
    assertThatThrownBy(() -> new TileId(64, 0, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileId(0, -1, 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileId(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileId(0, 0, 257)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sizeBytes_is32PerHash() {
    assertThat(TileId.full(0, 0).sizeBytes()).isEqualTo(8192);
    assertThat(new TileId(1, 0, 1).sizeBytes()).isEqualTo(32);
    assertThat(TileId.full(0, 0).isFull()).isTrue();
    assertThat(new TileId(0, 0, 255).isFull()).isFalse();
  }
}
