package io.coffer.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC 6962 reference tree (transparency-dev/merkle testonly/constants.go). */
class ReferenceTreeTest {

  private static final JsonNode TREE = TestVectors.json("rfc6962-reference-tree.json");

  private static List<byte[]> leaves() {
    List<byte[]> out = new ArrayList<>();
    for (JsonNode l : TREE.get("leaf_inputs")) {
      out.add(TestVectors.hex(l.asText()));
    }
    return out;
  }

  @Test
  void compactRange_reproducesEveryReferenceRoot() {
    JsonNode roots = TREE.get("root_hashes_by_tree_size").get("roots");
    List<byte[]> leaves = leaves();
    CompactRange range = CompactRange.empty();

    assertThat(range.root().toHex()).isEqualTo(roots.get(0).asText());
    for (int size = 1; size <= leaves.size(); size++) {
      range.append(TreeHasher.leaf(leaves.get(size - 1)), (id, h) -> {});
      assertThat(range.root().toHex())
          .as("root of size %d", size)
          .isEqualTo(roots.get(size).asText());
    }
  }

  @Test
  void proofBuilder_rootsAtEveryPastSize_matchReference() throws Exception {
    JsonNode roots = TREE.get("root_hashes_by_tree_size").get("roots");
    MemorySubtrees tree = MemorySubtrees.ofEntries(leaves());

    for (int size = 0; size <= 8; size++) {
      assertThat(ProofBuilder.root(tree, size).toHex())
          .as("root of size %d", size)
          .isEqualTo(roots.get(size).asText());
    }
  }

  @Test
  void completedSubtrees_matchEveryReferenceNodeHash() {
    JsonNode levels = TREE.get("node_hashes_by_level").get("levels");
    MemorySubtrees tree = MemorySubtrees.ofEntries(leaves());

    int checked = 0;
    for (int level = 0; level < levels.size(); level++) {
      JsonNode nodes = levels.get(level);
      for (int index = 0; index < nodes.size(); index++) {
        assertThat(tree.node(new NodeId(level, index)).toHex())
            .as("node level %d index %d", level, index)
            .isEqualTo(nodes.get(index).asText());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(8 + 4 + 2 + 1);
  }

  @Test
  void peakNodes_matchReferenceCompactTrees() {
    // compact_trees_comment: size3 [L1#0,L0#2], size7 [L2#0,L1#2,L0#6], size8 [L3#0]
    assertThat(CompactRange.peakNodes(3)).containsExactly(new NodeId(1, 0), new NodeId(0, 2));
    assertThat(CompactRange.peakNodes(7))
        .containsExactly(new NodeId(2, 0), new NodeId(1, 2), new NodeId(0, 6));
    assertThat(CompactRange.peakNodes(8)).containsExactly(new NodeId(3, 0));
    assertThat(CompactRange.peakNodes(0)).isEmpty();
  }
}
