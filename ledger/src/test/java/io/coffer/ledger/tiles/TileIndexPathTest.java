package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import io.coffer.ledger.tiles.TilesException.Reason;
import org.junit.jupiter.api.Test;

class TileIndexPathTest {

  private static final JsonNode TESSERA = TestVectors.json("tessera-layout-paths.json");

  private static int width(JsonNode c) {
    int p = c.path("p").asInt(0);
    return p == 0 ? TileId.FULL_WIDTH : p;
  }

  @Test
  void encode_c2spSpecExample() {
    JsonNode example =
        TestVectors.json("c2sp-spec-examples.json").get("tiles_index_encoding_example");

    String encoded = TileIndexPath.encode(example.get("index").asLong(), TileId.FULL_WIDTH);

    assertThat(encoded).isEqualTo(example.get("encoded").asText()).isEqualTo("x001/x234/067");
  }

  @Test
  void encode_tesseraNWithSuffixVectors() {
    JsonNode cases = TESSERA.get("n_with_suffix").get("cases");
    assertThat(cases).hasSize(4);
    for (JsonNode c : cases) {
      assertThat(TileIndexPath.encode(c.get("index").asLong(), width(c)))
          .as(c.toString())
          .isEqualTo(c.get("wantPath").asText());
    }
  }

  @Test
  void parse_c2spSpecExample() throws TilesException {
    assertThat(TileIndexPath.parse("x001/x234/067", "p"))
        .isEqualTo(new TileIndexPath.Parsed(1_234_067, TileId.FULL_WIDTH));
  }

  @Test
  void encode_thenParse_roundTripsAtTheEdges() throws TilesException {
    long[] indices = {0, 1, 999, 1000, 999_999, 1_000_000, Long.MAX_VALUE};
    for (long index : indices) {
      for (int width : new int[] {1, 255, 256}) {
        String text = TileIndexPath.encode(index, width);
        assertThat(TileIndexPath.parse(text, text))
            .isEqualTo(new TileIndexPath.Parsed(index, width));
      }
    }
    assertThat(TileIndexPath.encode(Long.MAX_VALUE, 256))
        .isEqualTo("x009/x223/x372/x036/x854/x775/807");
  }

  @Test
  void parse_indexBeyondLongRange_fails() {
    assertThatThrownBy(() -> TileIndexPath.parse("x009/x223/x372/x036/x854/x775/808", "p"))
        .isInstanceOf(TilesException.class)
        .hasMessage("p: the index is larger than 2^63 - 1");
  }

  @Test
  void parse_leadingZeroGroup_isNotCanonical() {
    assertThatThrownBy(() -> TileIndexPath.parse("x000/001", "p"))
        .hasMessage("p: the index starts with 'x000': not canonical");
  }

  @Test
  void parse_malformedForms_failWithPreciseMessages() {
    String[][] cases = {
      {"", "p: index element 1 ('') must be 3 digits"},
      {"0001", "p: index element 1 ('0001') must be 3 digits"},
      {"01", "p: index element 1 ('01') must be 3 digits"},
      {"x001", "p: the last index element 'x001' must not start with 'x'"},
      {"001/002", "p: index element 1 ('001') must start with 'x': all but the last do"},
      {"x001/", "p: index element 2 ('') must be 3 digits"},
      {"x01a/002", "p: index element 1 ('x01a') must be 3 digits after 'x'"},
      {"x001/-02", "p: index element 2 ('-02') must be 3 digits"},
      {"000.p", "p: '.p' must be followed by '/<W>', the width of the partial tile"},
      {"000.p/", "p: the partial width after '.p/' is empty"},
      {"000.p/0", "p: the partial width '0' is 0 or has a leading zero"},
      {"000.p/08", "p: the partial width '08' is 0 or has a leading zero"},
      {"000.p/256", "p: the partial width 256 is not 1..255"},
      {"000.p/1000", "p: the partial width 1000 is not 1..255"},
      {"000.p/+1", "p: the partial width '+1' is not a decimal integer"},
      {"000.p/1/2", "p: index element 1 ('000.p') must start with 'x': all but the last do"},
      {"x1/x2/x3/x4/x5/x6/x7/008", "p: the index has 8 elements; a 63-bit index needs at most 7"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> TileIndexPath.parse(c[0], "p"))
          .as(c[0])
          .isInstanceOfSatisfying(
              TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_PATH))
          .hasMessage(c[1]);
    }
  }

  @Test
  void parseLevel_acceptsOnly0to63WithoutLeadingZeroes() throws TilesException {
    assertThat(TileIndexPath.parseLevel("0", "p")).isZero();
    assertThat(TileIndexPath.parseLevel("63", "p")).isEqualTo(63);
    String[][] cases = {
      {"", "p: the level is empty"},
      {"64", "p: the level 64 is not 0..63"},
      {"100", "p: the level 100 is not 0..63"},
      {"00", "p: the level '00' has a leading zero"},
      {"07", "p: the level '07' has a leading zero"},
      {"+1", "p: the level '+1' is not a decimal integer"},
      {"-1", "p: the level '-1' is not a decimal integer"},
      {"abc", "p: the level 'abc' is not a decimal integer"},
      {"99999999999", "p: the level 99999999999 is not 0..63"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> TileIndexPath.parseLevel(c[0], "p")).as(c[0]).hasMessage(c[1]);
    }
  }

  @Test
  void checkShape_refusesLongAndNonPrintablePaths_withoutQuotingThem() {
    assertThatThrownBy(() -> TileIndexPath.checkShape("tile/0/" + "x001/".repeat(20) + "000"))
        .isInstanceOfSatisfying(TilesException.class, e -> assertThat(e.file()).isEmpty())
        .hasMessage("a path of 110 characters is longer than any tile path");
    assertThatThrownBy(() -> TileIndexPath.checkShape("tile/0/00\n0"))
        .hasMessage("a tile path holds only printable ASCII; character 10 is not");
    assertThatThrownBy(() -> TileIndexPath.checkShape("tile/0/00\u00e90"))
        .hasMessage("a tile path holds only printable ASCII; character 10 is not");
  }
}
