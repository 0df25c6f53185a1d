package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import org.junit.jupiter.api.Test;

class BundleIdTest {

  @Test
  void path_tesseraEntriesPathVectors() throws TilesException {
    JsonNode cases = TestVectors.json("tessera-layout-paths.json").get("entries_path").get("cases");
    assertThat(cases).hasSize(4);
    for (JsonNode c : cases) {
      int p = c.path("p").asInt(0);
      BundleId id = new BundleId(c.get("N").asLong(), p == 0 ? 256 : p);

      assertThat(id.path()).as(c.toString()).isEqualTo(c.get("wantPath").asText());
      assertThat(BundleId.parse(id.path())).isEqualTo(id);
    }
  }

  @Test
  void parse_sumdbDataTilePath_sharedIndexEncoding() throws TilesException {
    // sumdb 'tile/1/data/x003/x057/500' is a data tile; its C2SP counterpart is an entry bundle.
    // The contents differ (sumdb data tiles are not uint16-length-prefixed), only the path maps.
    JsonNode cases =
        TestVectors.json("golang-mod-sumdb-tlog.json").get("sumdb_tile_paths").get("cases");
    JsonNode data = null;
    for (JsonNode c : cases) {
      if (!c.get("tile").isNull() && c.get("tile").get("L").asInt() == -1) {
        data = c;
      }
    }
    String sumdb = data.get("path").asText();

    BundleId id = BundleId.parse("tile/entries/" + sumdb.substring("tile/1/data/".length()));

    assertThat(id.index()).isEqualTo(data.get("tile").get("N").asLong());
  }

  @Test
  void parse_rejectsHashTilesAndMalformedIndices() {
    assertThatThrownBy(() -> BundleId.parse("tile/0/000"))
        .hasMessage("tile/0/000: an entry bundle path starts with 'tile/entries/'");
    assertThatThrownBy(() -> BundleId.parse("tile/entries/000.p/0"))
        .hasMessage("tile/entries/000.p/0: the partial width '0' is 0 or has a leading zero");
    assertThatThrownBy(() -> BundleId.parse("tile/entries/x000/001"))
        .hasMessage("tile/entries/x000/001: the index starts with 'x000': not canonical");
  }

  @Test
  void limits_followTheUint16LengthPrefix() {
    assertThat(BundleId.full(3).maxSizeBytes()).isEqualTo(256L * 65_537);
    assertThat(new BundleId(3, 1).maxSizeBytes()).isEqualTo(65_537);
    assertThat(BundleId.full(3).firstEntry()).isEqualTo(768);
    assertThat(new BundleId(3, 7).leafTile()).isEqualTo(new TileId(0, 3, 7));
  }
}
