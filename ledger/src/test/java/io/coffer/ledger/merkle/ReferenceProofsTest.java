package io.coffer.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The known-good proofs of rfc6962-proofs-reference.json: each verifies, and the proof we generate
 * for the same leaf or sizes is the same list of hashes.
 */
class ReferenceProofsTest {

  private static final JsonNode PROOFS = TestVectors.json("rfc6962-proofs-reference.json");

  private static MemorySubtrees referenceTree() {
    List<byte[]> leaves = new ArrayList<>();
    for (JsonNode l : TestVectors.json("rfc6962-reference-tree.json").get("leaf_inputs")) {
      leaves.add(TestVectors.hex(l.asText()));
    }
    return MemorySubtrees.ofEntries(leaves);
  }

  private static List<Hash> hashes(JsonNode hexArray) {
    List<Hash> out = new ArrayList<>();
    for (JsonNode h : hexArray) {
      out.add(Hash.fromHex(h.asText()));
    }
    return out;
  }

  @Test
  void everyReferenceInclusionProof_verifies_andIsWhatWeGenerate() throws Exception {
    MemorySubtrees tree = referenceTree();
    int checked = 0;
    for (JsonNode p : PROOFS.get("inclusion_proofs")) {
      if (!p.has("leaf_index_0_based")) {
        continue; // {0, 0}: "an invalid path", skipped by the source as well
      }
      long index = p.get("leaf_index_0_based").asLong();
      long size = p.get("tree_size").asLong();
      InclusionProof proof = new InclusionProof(index, size, hashes(p.get("proof")));
      Hash leaf = Hash.fromHex(p.get("leaf_hash").asText());
      Hash root = Hash.fromHex(p.get("root").asText());

      assertThatNoException().isThrownBy(() -> ProofVerifier.verifyInclusion(leaf, proof, root));
      assertThat(ProofBuilder.inclusion(tree, index, size)).isEqualTo(proof);
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }

  @Test
  void everyReferenceConsistencyProof_verifies_andIsWhatWeGenerate() throws Exception {
    MemorySubtrees tree = referenceTree();
    int checked = 0;
    for (JsonNode p : PROOFS.get("consistency_proofs")) {
      long size1 = p.get("size1").asLong();
      long size2 = p.get("size2").asLong();
      ConsistencyProof proof = new ConsistencyProof(size1, size2, hashes(p.get("proof")));
      Hash root1 = Hash.fromHex(p.get("root1").asText());
      Hash root2 = Hash.fromHex(p.get("root2").asText());

      assertThatNoException()
          .isThrownBy(() -> ProofVerifier.verifyConsistency(proof, root1, root2));
      assertThat(ProofBuilder.consistency(tree, size1, size2)).isEqualTo(proof);
      checked++;
    }
    assertThat(checked).isEqualTo(5);
  }
}
