package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.note.NoteException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code note.Open} behaviour, with every Open and VerifierList case of golang.org/x/mod. */
class NoteVerifiersTest {

  static Stream<JsonNode> openCases() {
    List<JsonNode> cases = new ArrayList<>();
    GolangNoteVectors.JSON.get("open").forEach(cases::add);
    return cases.stream();
  }

  private static NoteVerifiers verifiers(JsonNode names) throws NoteException {
    List<NoteVerifier> list = new ArrayList<>();
    for (JsonNode n : names) {
      list.add(GolangNoteVectors.verifier(n.asText()));
    }
    return NoteVerifiers.of(list);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openCases")
  void open_golangVector_hasStatedOutcome(JsonNode c) throws NoteException {
    NoteVerifiers known = verifiers(c.get("verifiers"));
    byte[] message = GolangNoteVectors.message(c);
    JsonNode expected = c.get("expected");
    if (!expected.get("ok").asBoolean()) {
      String error = expected.get("error").asText();
      assertThatThrownBy(() -> known.open(message))
          .isInstanceOf(NoteException.class)
          .satisfies(e -> {
            NoteException ne = (NoteException) e;
            assertThat(ne.reason()).isEqualTo(reasonFor(error));
            if (ne.reason() == Reason.MALFORMED_NOTE) {
              assertThat(ne.getMessage()).startsWith("malformed note: ");
            } else {
              assertThat(ne.getMessage()).isEqualTo(error);
            }
          });
      return;
    }
    VerifiedNote note = known.open(message);
    if (expected.has("text")) {
      assertThat(note.text()).isEqualTo(expected.get("text").asText());
    }
    if (expected.has("verified_sigs")) {
      assertThat(note.verifiedSignatures())
          .extracting(v -> v.signature().keyName() + "+" + v.signature().keyId())
          .containsExactlyElementsOf(names(expected.get("verified_sigs")));
    }
    if (expected.has("unverified_sigs")) {
      assertThat(note.unverifiedSignatures())
          .extracting(s -> s.keyName() + "+" + s.keyId())
          .containsExactlyElementsOf(names(expected.get("unverified_sigs")));
      for (int i = 0; i < expected.get("unverified_sigs").size(); i++) {
        JsonNode s = expected.get("unverified_sigs").get(i);
        if (s.has("base64")) {
          assertThat(note.unverifiedSignatures().get(i).base64())
              .isEqualTo(s.get("base64").asText());
        }
      }
    }
  }

  private static Reason reasonFor(String goError) {
    if (goError.equals("malformed note")) {
      return Reason.MALFORMED_NOTE;
    }
    if (goError.startsWith("ambiguous key")) {
      return Reason.AMBIGUOUS_KEY;
    }
    if (goError.startsWith("invalid signature for key")) {
      return Reason.INVALID_SIGNATURE;
    }
    if (goError.equals("note has no verifiable signatures")) {
      return Reason.NO_VERIFIED_SIGNATURE;
    }
    throw new AssertionError("unmapped error " + goError);
  }

  private static List<String> names(JsonNode sigs) {
    List<String> out = new ArrayList<>();
    sigs.forEach(s -> out.add(s.get("name").asText() + "+" + s.get("key_id").asText()));
    return out;
  }

  @Test
  void open_noKnownVerifier_carriesTheUnverifiedNote() throws NoteException {
    byte[] message = GolangNoteVectors.message(GolangNoteVectors.JSON.get("open").get(0));
    assertThatThrownBy(() -> NoteVerifiers.of().open(message))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.unverifiedNote().orElseThrow().signatures()).hasSize(2));
  }

  static Stream<JsonNode> lookupCases() {
    List<JsonNode> cases = new ArrayList<>();
    GolangNoteVectors.JSON.at("/verifier_list_lookup/cases").forEach(cases::add);
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookupCases")
  void verifier_golangVerifierListLookup_hasStatedOutcome(JsonNode c) throws NoteException {
    List<NoteVerifier> list = new ArrayList<>();
    for (JsonNode vkey : GolangNoteVectors.JSON.at("/verifier_list_lookup/verifiers")) {
      list.add(NoteVerifier.parse(vkey.asText()));
    }
    NoteVerifiers known = NoteVerifiers.of(list);
    String name = c.get("name").asText();
    KeyId id = GolangNoteVectors.keyId(c.get("key_id_hex").asText());
    if (c.has("expected_error")) {
      assertThatThrownBy(() -> known.verifier(name, id))
          .isInstanceOf(NoteException.class)
          .hasMessage(c.get("expected_error").asText());
    } else {
      assertThat(known.verifier(name, id).vkey()).isEqualTo(GolangNoteVectors.PETER_VKEY);
    }
  }

  @Test
  void open_golangExample_printsSignerAndText() throws NoteException {
    JsonNode example = GolangNoteVectors.JSON.get("open_example_output");
    VerifiedNote note =
        NoteVerifiers.of(NoteVerifier.parse(example.get("verifier").asText()))
            .open(example.get("message").asText().getBytes(StandardCharsets.UTF_8));
    NoteSignature sig = note.verifiedSignatures().get(0).signature();
    String printed = sig.keyName() + " (" + sig.keyId() + "):\n" + note.text();
    assertThat(printed).isEqualTo(example.get("expected_printed").asText());
  }

  @Test
  void openSignedByAll_oneKeyDidNotSign_failsNamingIt() throws NoteException {
    byte[] message = GolangNoteVectors.message(GolangNoteVectors.JSON.get("open").get(4));
    NoteVerifiers both =
        NoteVerifiers.of(
            GolangNoteVectors.verifier("PeterNeumann"), GolangNoteVectors.verifier("EnochRoot"));
    assertThatThrownBy(() -> both.openSignedByAll(message))
        .isInstanceOfSatisfying(
            NoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_SIGNATURE))
        .hasMessage("no signature from key EnochRoot+af0cfe78");
  }

  @Test
  void openSignedByAll_everyKeySigned_verifies() throws NoteException {
    byte[] message = GolangNoteVectors.message(GolangNoteVectors.JSON.get("open").get(1));
    NoteVerifiers both =
        NoteVerifiers.of(
            GolangNoteVectors.verifier("PeterNeumann"), GolangNoteVectors.verifier("EnochRoot"));
    assertThat(both.openSignedByAll(message).verifiedSignatures()).hasSize(2);
  }

  @Test
  void open_signatureUnderKnownNameButOtherKeyId_isIgnored() throws Exception {
    Ed25519NoteSigner impostor = Ed25519NoteSigner.of("PeterNeumann", Ed25519Seed.of(new byte[32]));
    byte[] message = UnverifiedNote.sign("hello\n", List.of(impostor)).encode();
    assertThatThrownBy(
            () -> NoteVerifiers.of(GolangNoteVectors.verifier("PeterNeumann")).open(message))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_VERIFIED_SIGNATURE));
  }
}
