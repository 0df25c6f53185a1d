package io.coffer.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every verification probe of transparency-dev/merkle {@code testdata/} (196 files): {@code
 * wantErr: false} must verify, {@code wantErr: true} must be rejected.
 *
 * <p>One deliberate difference: Coffer hashes are 32-byte SHA-256 values, decoded and checked at
 * the edge. Probes whose hash fields are not 32 bytes are rejected at decoding. For the 53 probes
 * that expect an error this is the expected outcome; the one probe that expects success with
 * 12-byte "roots" ({@code sizes-are-equal-one-and-proof-is-empty}) is covered by {@link
 * #equalSizesAndRoots_withEmptyProof_verify} with real 32-byte roots.
 */
class ProofProbeVectorsTest {

  private static final String STRICTER =
      "transparency-dev-merkle/testdata/consistency/additional/"
          + "sizes-are-equal-one-and-proof-is-empty.json";

  /** The decoded hash, or null when the field is not a 32-byte hash (Coffer rejects those). */
  private static Hash hashOrNull(JsonNode field) {
    if (field == null || field.isNull()) {
      return null;
    }
    byte[] raw = Base64.getDecoder().decode(field.asText());
    return raw.length == Hash.SIZE_BYTES ? Hash.of(raw) : null;
  }

  /** The decoded proof, or null when an element is not a 32-byte hash. */
  private static List<Hash> proofOrNull(JsonNode proof) {
    List<Hash> out = new ArrayList<>();
    if (proof == null || proof.isNull()) {
      return out;
    }
    for (JsonNode p : proof) {
      Hash h = hashOrNull(p);
      if (h == null) {
        return null;
      }
      out.add(h);
    }
    return out;
  }

  /**
   * The value as a non-negative long, or null when it does not fit: the reference uses Go uint64
   * (some probes underflow to 2^64-1); Coffer indices and sizes are non-negative longs.
   */
  private static Long sizeOrNull(JsonNode field) {
    BigInteger v = field.bigIntegerValue();
    return v.signum() >= 0 && v.bitLength() < 64 ? v.longValue() : null;
  }

  @TestFactory
  Stream<DynamicTest> inclusionProbes() {
    return TestVectors.jsonFilesUnder("transparency-dev-merkle/testdata/inclusion").stream()
        .map(file -> DynamicTest.dynamicTest(file, () -> inclusionProbe(file)));
  }

  @TestFactory
  Stream<DynamicTest> consistencyProbes() {
    return TestVectors.jsonFilesUnder("transparency-dev-merkle/testdata/consistency").stream()
        .map(file -> DynamicTest.dynamicTest(file, () -> consistencyProbe(file)));
  }

  private static void inclusionProbe(String file) {
    JsonNode v = TestVectors.json(file);
    boolean wantErr = v.get("wantErr").asBoolean();
    Hash leaf = hashOrNull(v.get("leafHash"));
    Hash root = hashOrNull(v.get("root"));
    List<Hash> path = proofOrNull(v.get("proof"));
    Long index = sizeOrNull(v.get("leafIdx"));
    Long size = sizeOrNull(v.get("treeSize"));
    if (leaf == null || root == null || path == null || index == null || size == null) {
      assertThat(wantErr).as("%s does not decode; Coffer rejects it", file).isTrue();
      return;
    }
    InclusionProof proof = new InclusionProof(index, size, path);
    if (wantErr) {
      assertThatThrownBy(() -> ProofVerifier.verifyInclusion(leaf, proof, root))
          .isInstanceOf(ProofException.class);
    } else {
      assertThatNoException().isThrownBy(() -> ProofVerifier.verifyInclusion(leaf, proof, root));
    }
  }

  private static void consistencyProbe(String file) {
    JsonNode v = TestVectors.json(file);
    boolean wantErr = v.get("wantErr").asBoolean();
    Hash root1 = hashOrNull(v.get("root1"));
    Hash root2 = hashOrNull(v.get("root2"));
    List<Hash> path = proofOrNull(v.get("proof"));
    Long size1 = sizeOrNull(v.get("size1"));
    Long size2 = sizeOrNull(v.get("size2"));
    if (root1 == null || root2 == null || path == null || size1 == null || size2 == null) {
      assertThat(wantErr || file.equals(STRICTER))
          .as("%s does not decode; Coffer rejects it", file)
          .isTrue();
      return;
    }
    ConsistencyProof proof = new ConsistencyProof(size1, size2, path);
    if (wantErr) {
      assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, root1, root2))
          .isInstanceOf(ProofException.class);
    } else {
      assertThatNoException()
          .isThrownBy(() -> ProofVerifier.verifyConsistency(proof, root1, root2));
    }
  }

  @Test
  void probeFiles_areAllThere() {
    assertThat(TestVectors.jsonFilesUnder("transparency-dev-merkle/testdata")).hasSize(196);
  }

  @Test
  void stricterProbe_isRejectedAtDecoding_becauseItsRootsAreNot32Bytes() {
    JsonNode v = TestVectors.json(STRICTER);

    assertThat(v.get("wantErr").asBoolean()).isFalse();
    assertThatThrownBy(() -> Hash.fromBase64(v.get("root1").asText()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes, got 12 bytes");
  }

  @Test
  void equalSizesAndRoots_withEmptyProof_verify() {
    Hash root = TreeHasher.leaf(new byte[] {42});

    assertThatNoException()
        .isThrownBy(() ->
            ProofVerifier.verifyConsistency(new ConsistencyProof(1, 1, List.of()), root, root));
  }
}
