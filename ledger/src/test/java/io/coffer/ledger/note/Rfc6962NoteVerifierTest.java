package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** RFC 6962 tree-head signatures (type 0x05): transparency-dev/formats and sunlight vectors. */
class Rfc6962NoteVerifierTest {

  private static final JsonNode FORMATS =
      TestVectors.json("transparency-dev-formats.json").get("rfc6962_notes");

  @Test
  void open_transparencyDevRfc6962Notes_haveStatedOutcome() throws NoteException {
    for (JsonNode c : FORMATS.get("cases")) {
      NoteVerifier verifier = NoteVerifier.parse(c.get("vkey").asText());
      byte[] note = c.get("note").asText().getBytes(StandardCharsets.UTF_8);
      if (c.get("expected").asText().equals("verifies")) {
        assertThat(NoteVerifiers.of(verifier).open(note).signatureBy(verifier)).isPresent();
      } else {
        assertThatThrownBy(() -> NoteVerifiers.of(verifier).open(note))
            .isInstanceOf(NoteException.class);
      }
    }
  }

  /** Go builds the name from the log URL; here the test strips the scheme and slash itself. */
  @Test
  void of_urlAndKey_givesTheStatedVkey() throws NoteException {
    for (JsonNode c : FORMATS.get("verifier_string_from_url_and_key")) {
      String name = c.get("url").asText().replaceFirst("^https://", "").replaceFirst("/$", "");
      byte[] der = Base64.getDecoder().decode(c.get("pubkey_der_b64").asText());
      if (c.has("wantErr")) {
        assertThatThrownBy(() -> Rfc6962NoteVerifier.of(name, der))
            .isInstanceOf(NoteException.class);
      } else {
        assertThat(
                org.assertj.core.api.Assertions.catchThrowable(() ->
                    assertThat(Rfc6962NoteVerifier.of(name, der).vkey())
                        .isEqualTo(c.get("want").asText())))
            .isNull();
      }
    }
  }

  /**
   * sunlight's tree/checkpoint: the vkey is not written in the source; per static-ct-api it is the
   * origin with the log key of log.v3.json, whose key ID 91507526 must match the signature line.
   */
  @Test
  void open_sunlightStaticCtCheckpoint_verifiesWithTheLogKey() throws NoteException {
    JsonNode log = TestVectors.json("sunlight-skylight/tree/log.v3.json");
    Rfc6962NoteVerifier verifier =
        Rfc6962NoteVerifier.of(
            "rome2026h1.example.org", Base64.getDecoder().decode(log.get("key").asText()));
    assertThat(verifier.keyId().toHex()).isEqualTo("91507526");
    VerifiedNote note =
        NoteVerifiers.of(verifier).open(TestVectors.bytes("sunlight-skylight/tree/checkpoint"));
    assertThat(note.text()).startsWith("rome2026h1.example.org\n300\n");
  }

  @Test
  void open_staticCtSignatureUnderAnotherOrigin_isInvalid() throws NoteException {
    JsonNode log = TestVectors.json("sunlight-skylight/tree/log.v3.json");
    Rfc6962NoteVerifier verifier =
        Rfc6962NoteVerifier.of(
            "rome2026h1.example.org", Base64.getDecoder().decode(log.get("key").asText()));
    String note =
        new String(TestVectors.bytes("sunlight-skylight/tree/checkpoint"), StandardCharsets.UTF_8);
    byte[] moved =
        note.replaceFirst("rome2026h1.example.org\n", "milan2026h1.example.org\n")
            .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NoteVerifiers.of(verifier).open(moved))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.INVALID_SIGNATURE));
  }
}
