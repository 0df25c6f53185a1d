package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.CompactRange;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashTileTest {

  private static List<Hash> leaves(int count) {
    List<Hash> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(TreeHasher.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  private static Hash rootOf(List<Hash> leaves) {
    CompactRange range = CompactRange.empty();
    leaves.forEach(h -> range.append(h, (id, x) -> {}));
    return range.root();
  }

  @Test
  void decode_exactLength_roundTrips() throws TilesException {
    HashTile tile = HashTile.of(new TileId(0, 0, 3), leaves(3));

    HashTile decoded = HashTile.decode(new TileId(0, 0, 3), tile.encoded());

    assertThat(decoded).isEqualTo(tile);
    assertThat(decoded.hash(2)).isEqualTo(leaves(3).get(2));
    assertThat(decoded.width()).isEqualTo(3);
  }

  @Test
  void decode_anyOtherLength_isMalformed() {
    TileId id = new TileId(1, 2, 3);
    for (int length : new int[] {0, 31, 95, 97, 8192}) {
      assertThatThrownBy(() -> HashTile.decode(id, new byte[length]))
          .isInstanceOfSatisfying(
              TilesException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
                assertThat(e.file()).contains("tile/1/002.p/3");
              })
          .hasMessage("tile/1/002.p/3: is " + length + " bytes; a tile of 3 hashes is exactly 96");
    }
  }

  @Test
  void subtree_ofAFullTile_isTheRootOfItsHashes() {
    List<Hash> hashes = leaves(256);
    HashTile tile = HashTile.of(TileId.full(0, 0), hashes);

    assertThat(tile.subtree(8, 0)).isEqualTo(rootOf(hashes));
    assertThat(tile.subtree(0, 17)).isEqualTo(hashes.get(17));
    assertThat(tile.subtree(2, 3)).isEqualTo(rootOf(hashes.subList(12, 16)));
  }

  @Test
  void subtree_notInsideThePartialTile_fails() {
    HashTile tile = HashTile.of(new TileId(0, 0, 5), leaves(5));

    assertThat(tile.subtree(2, 0)).isEqualTo(rootOf(leaves(4)));
    assertThatThrownBy(() -> tile.subtree(2, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tile.subtree(9, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tile.hash(5)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void encoded_isACopy() {
    HashTile tile = HashTile.of(new TileId(0, 0, 1), leaves(1));
    byte[] bytes = tile.encoded();
    bytes[0] ^= 1;

    assertThat(tile.hash(0)).isEqualTo(leaves(1).get(0));
  }
}
