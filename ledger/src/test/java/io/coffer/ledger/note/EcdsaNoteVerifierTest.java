package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ECDSA P-256 notes (type 0x02): the Rekor and Pixel checkpoints of transparency-dev/formats. */
class EcdsaNoteVerifierTest {

  static Stream<JsonNode> cases() {
    List<JsonNode> out = new ArrayList<>();
    TestVectors.json("transparency-dev-formats.json").at("/ecdsa_notes/cases").forEach(out::add);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void open_transparencyDevEcdsaNote_hasStatedOutcome(JsonNode c) throws NoteException {
    NoteVerifier verifier = NoteVerifier.parse(c.get("vkey").asText());
    assertThat(verifier).isInstanceOf(EcdsaNoteVerifier.class);
    byte[] note = c.get("note").asText().getBytes(StandardCharsets.UTF_8);
    if (c.get("expected").asText().equals("verifies")) {
      assertThat(NoteVerifiers.of(verifier).open(note).signatureBy(verifier)).isPresent();
    } else {
      assertThatThrownBy(() -> NoteVerifiers.of(verifier).open(note))
          .isInstanceOf(NoteException.class);
    }
  }
}
