package io.coffer.ledger.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing add-checkpoint request bodies, with the C2SP tlog-witness example. */
class AddCheckpointRequestTest {

  private static final JsonNode EXAMPLE =
      TestVectors.json("c2sp-spec-examples.json").get("witness_add_checkpoint_example");

  @Test
  void parse_c2spExample_hasStatedParts() throws Exception {
    byte[] body = EXAMPLE.get("request_body").asText().getBytes(StandardCharsets.UTF_8);
    AddCheckpointRequest request = AddCheckpointRequest.parse(body);
    JsonNode want = EXAMPLE.get("parsed_request");
    assertThat(request.oldSize()).isEqualTo(want.get("old_size").asLong());
    assertThat(request.proof())
        .extracting(Hash::toBase64)
        .containsExactly(
            want.get("consistency_proof_base64").get(0).asText(),
            want.get("consistency_proof_base64").get(1).asText(),
            want.get("consistency_proof_base64").get(2).asText(),
            want.get("consistency_proof_base64").get(3).asText());
    UnverifiedNote note = UnverifiedNote.parse(request.signedCheckpoint());
    assertThat(note.text()).startsWith(want.get("checkpoint_origin").asText() + "\n20852163\n");
    assertThat(note.signatures()).hasSize(want.get("checkpoint_signature_lines").asInt());
    assertThat(request.encode()).isEqualTo(body);
  }

  @Test
  void parse_c2spExampleResponse_isThreeCosignatureLines() throws Exception {
    String response = EXAMPLE.get("example_response_body").asText();
    String checkpoint =
        TestVectors.json("c2sp-spec-examples.json").at("/checkpoint_example/checkpoint").asText();
    UnverifiedNote cosigned =
        UnverifiedNote.parse((checkpoint + response).getBytes(StandardCharsets.UTF_8));
    assertThat(cosigned.signatures()).hasSize(4);
  }

  @Test
  void parse_sixtyFourProofLines_isRejected() {
    String line = "KgEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    byte[] body = ("old 1\n" + line.repeat(64) + "\nx\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
        .hasMessage(
            "malformed add-checkpoint request: line 65: more than 63 consistency proof lines");
    byte[] ok = ("old 1\n" + line.repeat(63) + "\nx\n").getBytes(StandardCharsets.UTF_8);
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> AddCheckpointRequest.parse(ok)))
        .isNull();
  }

  @Test
  void parse_nonCanonicalOldSize_isRejected() {
    for (String old :
        new String[] {"old 01", "old +1", "old -1", "old  1", "old", "new 1", "old 1 "}) {
      byte[] body = (old + "\n\nx\n").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
          .as(old)
          .isInstanceOf(RequestFormatException.class);
    }
  }

  @Test
  void parse_shortProofHash_isRejectedNamingTheLine() {
    byte[] body = "old 1\nAAAA\n\nx\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> AddCheckpointRequest.parse(body))
        .hasMessage("malformed add-checkpoint request: line 2: proof hash is 3 bytes, not 32");
  }
}
