package io.coffer.ledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.checkpoint.CheckpointException.Reason;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteSignature;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.testing.TestVectors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Signed checkpoints: transparency-dev/formats (sum.golang.org) and sigstore-java (Rekor). */
class CheckpointVerifierTest {

  private static final JsonNode FORMATS = TestVectors.json("transparency-dev-formats.json");
  private static final JsonNode SIGSTORE =
      TestVectors.json("sigstore-java-checkpoints/EXPECTED.json");

  static Stream<JsonNode> sumdbCases() {
    List<JsonNode> out = new ArrayList<>();
    FORMATS.get("checkpoint_notes").forEach(out::add);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sumdbCases")
  void verify_transparencyDevSumdbNote_hasStatedOutcome(JsonNode c) throws Exception {
    NoteVerifier log = NoteVerifier.parse(c.get("log_vkey").asText());
    List<NoteVerifier> cosigners = new ArrayList<>();
    if (c.has("other_vkeys")) {
      for (JsonNode v : c.get("other_vkeys")) {
        cosigners.add(NoteVerifier.parse(v.asText()));
      }
    }
    CheckpointVerifier verifier =
        CheckpointVerifier.forLog(c.get("expected_origin").asText(), log, cosigners);
    byte[] note = c.get("note").asText().getBytes(StandardCharsets.UTF_8);
    JsonNode expected = c.get("expected");
    if (!expected.get("ok").asBoolean()) {
      assertThatThrownBy(() -> verifier.verify(note))
          .isInstanceOfSatisfying(
              CheckpointException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_ORIGIN))
          .hasMessage(
              "checkpoint is for origin \"go.sum database tree\", expected \""
                  + c.get("expected_origin").asText()
                  + "\"");
      return;
    }
    VerifiedCheckpoint cp = verifier.verify(note);
    assertThat(cp.origin()).isEqualTo("go.sum database tree");
    assertThat(cp.treeHead().size()).isEqualTo(6476701L);
    assertThat(cp.treeHead().root().toBase64())
        .isEqualTo("mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=");
    assertThat(cp.note().signatureBy(log)).isPresent();
  }

  @Test
  void verify_signedOnlyByCosigner_failsWithoutTheLogKey() throws Exception {
    JsonNode c = FORMATS.get("checkpoint_notes").get(2);
    NoteVerifier log = NoteVerifier.parse(c.get("log_vkey").asText());
    NoteVerifier monkeys = NoteVerifier.parse(c.at("/other_vkeys/0").asText());
    UnverifiedNote note =
        UnverifiedNote.parse(c.get("note").asText().getBytes(StandardCharsets.UTF_8));
    UnverifiedNote onlyMonkeys = new UnverifiedNote(note.text(), List.of(note.signatures().get(1)));
    assertThat(CheckpointVerifier.anyOf(Optional.empty(), List.of(monkeys)).verify(onlyMonkeys))
        .isNotNull();
    assertThatThrownBy(() ->
            CheckpointVerifier.forLog("go.sum database tree", log, List.of(monkeys))
                .verify(onlyMonkeys))
        .isInstanceOfSatisfying(
            CheckpointException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SIGNATURE);
              assertThat(((NoteException) e.getCause()).reason())
                  .isEqualTo(NoteException.Reason.MISSING_SIGNATURE);
            });
  }

  @Test
  void verify_sigstoreValidFiles_parseToTheListedValuesAndVerify() throws Exception {
    NoteVerifier rekor = NoteVerifier.parse(FORMATS.at("/ecdsa_notes/cases/0/vkey").asText());
    for (JsonNode c : SIGSTORE.get("cases")) {
      if (!c.at("/expected/ok").asBoolean()) {
        continue;
      }
      byte[] bytes = TestVectors.bytes("sigstore-java-checkpoints/" + c.get("file").asText());
      JsonNode want = c.get("expected");
      Checkpoint cp = Checkpoint.parseUnverified(bytes);
      assertThat(cp.origin()).isEqualTo(want.get("origin").asText());
      assertThat(cp.size()).isEqualTo(want.get("size").asLong());
      assertThat(cp.root().toBase64()).isEqualTo(want.get("root_hash_base64").asText());
      assertThat(cp.extensions()).containsExactly("Timestamp: 1697034484441201852");
      List<NoteSignature> sigs = UnverifiedNote.parse(bytes).signatures();
      assertThat(sigs).hasSize(want.get("signatures").size());
      for (int i = 0; i < sigs.size(); i++) {
        JsonNode s = want.get("signatures").get(i);
        assertThat(sigs.get(i).keyName()).isEqualTo(s.get("identity").asText());
        assertThat(sigs.get(i).keyId().toHex()).isEqualTo(s.get("key_hint_hex").asText());
        assertThat(java.util.Base64.getEncoder().encodeToString(sigs.get(i).signature()))
            .isEqualTo(s.get("signature_base64").asText());
      }
      // Not stated by sigstore-java; the collector's check: the Rekor key verifies, and the
      // bob.loblaw.dev line (an unknown key name) is ignored.
      VerifiedCheckpoint verified =
          CheckpointVerifier.forLog(want.get("origin").asText(), rekor, List.of()).verify(bytes);
      assertThat(verified.note().verifiedSignatures()).hasSize(1);
    }
  }

  static Stream<String> sigstoreErrorFiles() {
    List<String> out = new ArrayList<>();
    SIGSTORE
        .get("cases")
        .forEach(c -> {
          if (!c.at("/expected/ok").asBoolean()) {
            out.add(c.get("file").asText());
          }
        });
    return out.stream();
  }

  /** Each malformed sigstore-java file is rejected with the message in its golden file. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sigstoreErrorFiles")
  void parseUnverified_sigstoreErrorFile_failsWithGoldenMessage(String file) throws IOException {
    byte[] bytes = TestVectors.bytes("sigstore-java-checkpoints/" + file);
    String golden;
    try (InputStream in =
        CheckpointVerifierTest.class.getResourceAsStream(
            "/golden/checkpoints/" + file.replace(".txt", ".error.txt"))) {
      assertThat(in).as("golden file for " + file).isNotNull();
      golden = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    assertThatThrownBy(() -> Checkpoint.parseUnverified(bytes))
        .isInstanceOfSatisfying(
            CheckpointException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
        .hasMessage(golden);
  }
}
