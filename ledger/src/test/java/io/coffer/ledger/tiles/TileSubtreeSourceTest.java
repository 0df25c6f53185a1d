package io.coffer.ledger.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.log.Ledger;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.merkle.NodeId;
import io.coffer.ledger.merkle.ProofBuilder;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.SubtreeUnavailableException;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.tiles.TilesException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileSubtreeSourceTest {

  private static final long SIZE = 65_536 + 700;

  @TempDir static Path dir;

  private static Ledger ledger;
  private static TileSubtreeSource source;

  @BeforeAll
  static void export() throws Exception {
    ledger = TestLogs.ledger(SIZE);
    TestLogs.export(ledger, SIZE, dir);
    source = new TileSubtreeSource(TileReader.open(dir), SIZE);
  }

  @AfterAll
  static void close() {
    ledger.close();
  }

  @Test
  void root_atEverySmallerSize_isTheLedgers() throws Exception {
    long[] sizes = {0, 1, 2, 255, 256, 257, 511, 512, 65_535, 65_536, 65_537, SIZE - 1, SIZE};
    for (long size : sizes) {
      assertThat(source.root(size)).as("size " + size).isEqualTo(ledger.root(size));
    }
  }

  @Test
  void inclusionProofs_fromTiles_equalTheLedgersAndVerify() throws Exception {
    long[] indices = {0, 255, 256, 65_535, 65_536, SIZE - 1};
    for (long size : new long[] {SIZE, 65_537, 66_000}) {
      for (long index : indices) {
        if (index >= size) {
          continue;
        }
        InclusionProof proof = ProofBuilder.inclusion(source, index, size);

        assertThat(proof).isEqualTo(ledger.inclusionProof(index, size));
        ProofVerifier.verifyInclusion(
            TreeHasher.leaf(TestLogs.entry(index)), proof, ledger.root(size));
      }
    }
  }

  @Test
  void consistencyProofs_fromTiles_verify() throws Exception {
    long[][] pairs = {{1, SIZE}, {256, SIZE}, {300, 65_536}, {65_536, 65_537}, {1000, 1001}};
    for (long[] p : pairs) {
      ConsistencyProof proof = ProofBuilder.consistency(source, p[0], p[1]);

      assertThat(proof).isEqualTo(ledger.consistencyProof(p[0], p[1]));
      ProofVerifier.verifyConsistency(proof, ledger.root(p[0]), ledger.root(p[1]));
    }
  }

  @Test
  void nodesBeyondTheTree_areUnavailable() {
    assertThatThrownBy(() -> source.hashes(List.of(new NodeId(8, 258))))
        .isInstanceOf(SubtreeUnavailableException.class)
        .hasMessageContaining("is not a complete subtree of the tree of size " + SIZE);
    assertThatThrownBy(() -> source.root(SIZE + 1))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING));
  }

  @Test
  void unreadableTile_keepsItsReason() throws Exception {
    Path other = Files.createDirectories(dir.resolve("other/tile/2/000.p"));
    Files.write(other.resolve("1"), new byte[31]);
    TileSubtreeSource broken = new TileSubtreeSource(TileReader.open(dir.resolve("other")), SIZE);

    assertThatThrownBy(() -> broken.root(SIZE))
        .isInstanceOfSatisfying(
            TilesException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage("tile/2/000.p/1: is 31 bytes; it must be exactly 32");
  }
}
