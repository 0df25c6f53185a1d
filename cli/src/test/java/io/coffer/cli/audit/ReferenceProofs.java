package io.coffer.cli.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.testing.TestVectors;
import java.util.ArrayList;
import java.util.List;

/** The known-good RFC 6962 reference proofs, in the forms the commands take. */
final class ReferenceProofs {

  private ReferenceProofs() {}

  static JsonNode inclusion(long index, long size) {
    for (JsonNode p : TestVectors.json("rfc6962-proofs-reference.json").get("inclusion_proofs")) {
      if (p.has("leaf_index_0_based")
          && p.get("leaf_index_0_based").asLong() == index
          && p.get("tree_size").asLong() == size) {
        return p;
      }
    }
    throw new AssertionError("no reference inclusion proof " + index + "/" + size);
  }

  static JsonNode consistency(long size1, long size2) {
    for (JsonNode p : TestVectors.json("rfc6962-proofs-reference.json").get("consistency_proofs")) {
      if (p.get("size1").asLong() == size1 && p.get("size2").asLong() == size2) {
        return p;
      }
    }
    throw new AssertionError("no reference consistency proof " + size1 + "/" + size2);
  }

  /** The proof as the comma-separated base64 list the commands take. */
  static String proofArg(JsonNode p) {
    List<String> out = new ArrayList<>();
    for (JsonNode h : p.get("proof")) {
      out.add(Hash.fromHex(h.asText()).toBase64());
    }
    return String.join(",", out);
  }

  static String base64(JsonNode hexField) {
    return Hash.fromHex(hexField.asText()).toBase64();
  }
}
