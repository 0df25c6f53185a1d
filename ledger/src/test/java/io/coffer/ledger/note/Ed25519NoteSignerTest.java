package io.coffer.ledger.note;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signer keys and signing, with the golang.org/x/mod and transparency-dev/formats vectors. */
class Ed25519NoteSignerTest {

  private static final JsonNode SIGN = GolangNoteVectors.JSON.get("sign");

  @Test
  void fromSignerKey_golangSkey_givesPetersKey() throws NoteException {
    Ed25519NoteSigner signer = Ed25519NoteSigner.fromSignerKey(GolangNoteVectors.PETER_SKEY);
    assertThat(signer.verifier().vkey()).isEqualTo(GolangNoteVectors.PETER_VKEY);
    assertThat(signer.signerKey().reveal()).isEqualTo(GolangNoteVectors.PETER_SKEY);
  }

  @Test
  void fromSignerKey_everyProperSubstring_isRejected() {
    String skey = GolangNoteVectors.PETER_SKEY;
    for (int i = 0; i < skey.length(); i++) {
      for (int j = i + 1; j <= skey.length(); j++) {
        if (i == 0 && j == skey.length()) {
          continue;
        }
        String sub = skey.substring(i, j);
        assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(sub))
            .isInstanceOf(NoteException.class);
      }
    }
  }

  @Test
  void fromSignerKey_everyKeyWithOneCharIncremented_isRejected() {
    String skey = GolangNoteVectors.PETER_SKEY;
    for (int i = 0; i < skey.length(); i++) {
      char[] chars = skey.toCharArray();
      chars[i]++;
      String mangled = new String(chars);
      assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(mangled))
          .isInstanceOf(NoteException.class);
    }
  }

  @Test
  void fromSignerKey_errors_neverQuoteTheSecret() {
    String skey = GolangNoteVectors.PETER_SKEY.replace("c74f20a3", "c74f20a4");
    String secret = skey.substring(skey.lastIndexOf('+') + 1);
    assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(skey))
        .isInstanceOf(NoteException.class)
        .message()
        .doesNotContain(secret);
  }

  @Test
  void fromSignerKey_transparencyDevVectors_haveStatedOutcome() throws NoteException {
    JsonNode cases = TestVectors.json("transparency-dev-formats.json").at("/vkey_parsing/cases");
    for (JsonNode c : cases) {
      if (c.has("skey")) {
        assertThat(Ed25519NoteSigner.fromSignerKey(c.get("skey").asText()).keyName())
            .isEqualTo("logandmap");
      } else if (c.has("skey_input")) {
        assertThatThrownBy(() -> Ed25519NoteSigner.fromSignerKey(c.get("skey_input").asText()))
            .isInstanceOf(NoteException.class);
      }
    }
  }

  @Test
  void sign_golangVector_isByteExact() throws Exception {
    Ed25519NoteSigner peter = Ed25519NoteSigner.fromSignerKey(SIGN.get("skey").asText());
    UnverifiedNote note = UnverifiedNote.sign(SIGN.get("text").asText(), List.of(peter));
    assertThat(note.format()).isEqualTo(SIGN.get("expected_signed_note").asText());
  }

  @Test
  void withSignatures_replacesABogusSignatureBySameKey() throws Exception {
    Ed25519NoteSigner peter = Ed25519NoteSigner.fromSignerKey(SIGN.get("skey").asText());
    NoteSignature bogus = new NoteSignature("PeterNeumann", peter.keyId(), new byte[] {1, 2, 3});
    UnverifiedNote note = new UnverifiedNote(SIGN.get("text").asText(), List.of(bogus));
    assertThat(note.withSignatures(List.of(peter)).format())
        .isEqualTo(SIGN.at("/also/0/expected_signed_note").asText());
  }

  /**
   * The Go reference's other Sign failures: text without a final newline and a signature named
   * "a+b" cannot even be represented here. Its third case (a signature whose key ID disagrees with
   * its own base64) cannot be represented either: a {@link NoteSignature} takes its key ID from the
   * signature bytes' first four bytes, so no inconsistent value exists.
   */
  @Test
  void sign_golangMalformedInputs_cannotBeBuilt() throws NoteException {
    Ed25519NoteSigner peter = Ed25519NoteSigner.fromSignerKey(SIGN.get("skey").asText());
    assertThatThrownBy(() -> UnverifiedNote.sign("abc", List.of(peter)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new NoteSignature("a+b", peter.keyId(), new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NoteSignature.fromBase64("PeterNeumann", "BADHASH="))
        .isInstanceOf(NoteException.class)
        .hasMessage("signature is not canonical padded base64");
  }

  @Test
  void withSignatures_golangAddSignatureExample_isByteExact() throws Exception {
    JsonNode ex = GolangNoteVectors.JSON.get("sign_add_signature");
    VerifiedNote opened =
        NoteVerifiers.of(NoteVerifier.parse(ex.get("verifier").asText()))
            .open(ex.get("input_signed_note").asText().getBytes(StandardCharsets.UTF_8));
    UnverifiedNote original =
        UnverifiedNote.parse(ex.get("input_signed_note").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(opened.text()).isEqualTo(original.text());
    UnverifiedNote added = original.withSignatures(List.of(GolangNoteVectors.enochSigner()));
    assertThat(added.format()).isEqualTo(ex.get("expected_output").asText());
  }

  @Test
  void generate_givesKeysThatRoundTrip() throws Exception {
    Ed25519NoteSigner signer = Ed25519NoteSigner.generate("example.com/log", new SecureRandom());
    Ed25519NoteSigner reloaded = Ed25519NoteSigner.fromSignerKey(signer.signerKey().reveal());
    assertThat(reloaded.verifier()).isEqualTo(signer.verifier());
    assertThat(NoteVerifier.parse(signer.verifier().vkey())).isEqualTo(signer.verifier());
    byte[] note = UnverifiedNote.sign("x\n", List.of(reloaded)).encode();
    assertThat(NoteVerifiers.of(signer.verifier()).open(note).text()).isEqualTo("x\n");
  }

  @Test
  void secrets_areRedactedInToString() throws Exception {
    Ed25519NoteSigner signer = Ed25519NoteSigner.fromSignerKey(GolangNoteVectors.PETER_SKEY);
    assertThat(signer.signerKey().toString()).isEqualTo("EncodedSignerKey[redacted]");
    assertThat(Ed25519Seed.of(new byte[32]).toString()).isEqualTo("Ed25519Seed[redacted]");
    assertThat(signer.toString()).doesNotContain("AYEKFALV");
  }
}
