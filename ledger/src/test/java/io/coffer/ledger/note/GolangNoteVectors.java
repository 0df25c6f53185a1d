package io.coffer.ledger.note;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.ledger.testing.TestVectors;
import java.util.Base64;
import java.util.HexFormat;

/** The golang.org/x/mod sumdb/note vectors (golang-mod-sumdb-note.json) and their keys. */
final class GolangNoteVectors {

  static final JsonNode JSON = TestVectors.json("golang-mod-sumdb-note.json");
  static final String PETER_VKEY = JSON.at("/keys/PeterNeumann/vkey").asText();
  static final String PETER_SKEY = JSON.at("/keys/PeterNeumann/skey").asText();
  static final String ENOCH_VKEY = JSON.at("/keys/EnochRoot/vkey").asText();

  private GolangNoteVectors() {}

  static NoteVerifier verifier(String name) throws NoteException {
    return switch (name) {
      case "PeterNeumann" -> NoteVerifier.parse(PETER_VKEY);
      case "EnochRoot" -> NoteVerifier.parse(ENOCH_VKEY);
      default -> throw new AssertionError("no key " + name);
    };
  }

  /** EnochRoot's signer: the Go example generates it from an all-zero random source. */
  static Ed25519NoteSigner enochSigner() throws NoteException {
    return Ed25519NoteSigner.of("EnochRoot", Ed25519Seed.of(new byte[32]));
  }

  static byte[] message(JsonNode openCase) {
    return Base64.getDecoder().decode(openCase.get("message_b64").asText());
  }

  static KeyId keyId(String hex) {
    return KeyId.of(HexFormat.of().parseHex(hex), 0);
  }
}
