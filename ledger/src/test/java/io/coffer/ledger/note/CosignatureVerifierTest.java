package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ed25519 cosignatures (type 0x04): sunlight/skylight and transparency-dev/formats vectors. */
class CosignatureVerifierTest {

  private static final JsonNode SKYLIGHT = TestVectors.json("sunlight-skylight/EXPECTED.json");

  /** Each skylight cosigner's cosignature verifies with the vkey in its metadata file. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "witness.example.org, 0",
    "mirror.example.org, 1",
    "witness2.example.org, 2",
  })
  void open_skylightCosignature_verifies(String cosigner, int index) throws Exception {
    JsonNode c = SKYLIGHT.at("/cosignatures/cases/" + index);
    assertThat(c.get("cosigner").asText()).isEqualTo(cosigner);
    String vkey =
        TestVectors.json("sunlight-skylight/" + c.get("vkey_file").asText())
            .at("/verifier_keys/0")
            .asText();
    NoteVerifier verifier = NoteVerifier.parse(vkey);
    assertThat(verifier.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
    byte[] note = TestVectors.bytes("sunlight-skylight/" + c.get("checkpoint_file").asText());
    VerifiedNote opened = NoteVerifiers.of(verifier).open(note);
    NoteSignature cosig = opened.signatureBy(verifier).orElseThrow();
    assertThat(CosignatureVerifier.timestamp(cosig).getEpochSecond()).isEqualTo(1767139200L);
    // gen.go: the seed is SHA-256 of the seed string, so the public key must match the vkey.
    byte[] seed =
        MessageDigest.getInstance("SHA-256")
            .digest(c.get("seed_string").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(CosignatureSigner.of(cosigner, Ed25519Seed.of(seed), Clock.systemUTC()).verifier())
        .isEqualTo(verifier);
  }

  @Test
  void open_skylightCosignatureOnAlteredCheckpoint_isInvalid() throws Exception {
    JsonNode c = SKYLIGHT.at("/cosignatures/cases/2");
    NoteVerifier verifier =
        NoteVerifier.parse(
            TestVectors.json("sunlight-skylight/witness2/witness.v0.json")
                .at("/verifier_keys/0")
                .asText());
    String note =
        new String(
            TestVectors.bytes("sunlight-skylight/" + c.get("checkpoint_file").asText()),
            StandardCharsets.UTF_8);
    byte[] altered = note.replace("\n300\n", "\n301\n").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> NoteVerifiers.of(verifier).open(altered))
        .isInstanceOfSatisfying(
            NoteException.class,
            e -> assertThat(e.reason()).isEqualTo(NoteException.Reason.INVALID_SIGNATURE));
  }

  @Test
  void timestamp_transparencyDevVectors_haveStatedOutcome() throws NoteException {
    JsonNode cases =
        TestVectors.json("transparency-dev-formats.json").at("/cosignature_timestamp/cases");
    for (JsonNode c : cases) {
      String b64 = c.get("sig_base64").asText();
      if (c.has("wantErr")) {
        assertThatThrownBy(() -> CosignatureVerifier.timestamp(NoteSignature.fromBase64("w", b64)))
            .isInstanceOf(NoteException.class);
      } else {
        assertThat(CosignatureVerifier.timestamp(NoteSignature.fromBase64("w", b64)))
            .isEqualTo(Instant.ofEpochSecond(c.get("want_unix_seconds").asLong()));
      }
    }
  }

  @Test
  void sign_usesTheInjectedClock_andVerifies() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1679315147L), ZoneOffset.UTC);
    CosignatureSigner signer =
        CosignatureSigner.of("witness.example/w1", Ed25519Seed.of(new byte[32]), clock);
    UnverifiedNote note = UnverifiedNote.sign("origin\n1\nroot\n", List.of(signer));
    VerifiedNote opened = NoteVerifiers.of(signer.verifier()).open(note.encode());
    assertThat(CosignatureVerifier.timestamp(opened.verifiedSignatures().get(0).signature()))
        .isEqualTo(clock.instant());
  }

  @Test
  void open_cosignatureReplayedWithOtherTimestamp_isInvalid() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1000), ZoneOffset.UTC);
    CosignatureSigner signer = CosignatureSigner.of("w", Ed25519Seed.of(new byte[32]), clock);
    UnverifiedNote note = UnverifiedNote.sign("o\n1\nr\n", List.of(signer));
    byte[] sig = note.signatures().get(0).signature();
    sig[7]++;
    UnverifiedNote forged =
        new UnverifiedNote(note.text(), List.of(new NoteSignature("w", signer.keyId(), sig)));
    assertThatThrownBy(() -> NoteVerifiers.of(signer.verifier()).open(forged))
        .isInstanceOf(NoteException.class)
        .hasMessage("invalid signature for key " + signer.verifier());
  }
}
