package io.coffer.ledger.note;

import io.coffer.ledger.note.NoteException.Reason;
import java.util.Arrays;

/**
 * Parses C2SP vkeys, {@code <name>+<hex key ID>+<base64(signature type || public key)>}, and checks
 * the key ID against the key. The name and key ID cannot contain '+'; the base64 part can.
 */
final class VerifierKeyCodec {

  /** Longer vkeys are rejected before any decoding. */
  static final int MAX_VKEY_CHARS = 8192;

  private VerifierKeyCodec() {}

  /** The three parts of a key string, split at the first two '+'. */
  record Parts(String name, KeyId keyId, int type, byte[] key) {}

  static Parts split(String text, String what) throws NoteException {
    if (text.length() > MAX_VKEY_CHARS) {
      throw malformed(what + " is longer than " + MAX_VKEY_CHARS + " characters");
    }
    int first = text.indexOf('+');
    int second = first < 0 ? -1 : text.indexOf('+', first + 1);
    if (second < 0) {
      throw malformed(what + " is not <name>+<hex key ID>+<base64 key>");
    }
    String name = text.substring(0, first);
    if (!KeyNames.isValid(name)) {
      throw malformed(what + " has an invalid key name " + KeyNames.describe(name));
    }
    KeyId keyId;
    try {
      keyId = KeyId.parseHex(text.substring(first + 1, second));
    } catch (IllegalArgumentException e) {
      throw malformed(what + " key ID: " + e.getMessage());
    }
    byte[] typed =
        StrictBase64.decode(text.substring(second + 1))
            .orElseThrow(() -> malformed(what + " key is not canonical padded base64"));
    if (typed.length < 2) {
      throw malformed(what + " key has no key bytes after its type");
    }
    return new Parts(name, keyId, typed[0] & 0xff, Arrays.copyOfRange(typed, 1, typed.length));
  }

  static NoteVerifier parse(String vkey) throws NoteException {
    Parts parts = split(vkey, "verifier key");
    SignatureType type =
        SignatureType.of(parts.type())
            .orElseThrow(() ->
                new NoteException(
                    Reason.UNSUPPORTED_KEY_TYPE,
                    "verifier key has unsupported signature type 0x"
                        + String.format("%02x", parts.type())));
    NoteVerifier verifier =
        switch (type) {
          case ED25519 -> Ed25519NoteVerifier.of(parts.name(), parts.key());
          case ECDSA -> EcdsaNoteVerifier.of(parts.name(), parts.key());
          case COSIGNATURE_V1 -> CosignatureVerifier.of(parts.name(), parts.key());
          case RFC6962_TREE_HEAD -> Rfc6962NoteVerifier.of(parts.name(), parts.key());
        };
    requireKeyId(parts.keyId(), verifier.keyId(), "verifier key");
    return verifier;
  }

  static void requireKeyId(KeyId written, KeyId derived, String what) throws NoteException {
    if (!written.equals(derived)) {
      throw new NoteException(
          Reason.KEY_ID_MISMATCH,
          what + " key ID " + written + " does not match its key (expected " + derived + ")");
    }
  }

  private static NoteException malformed(String message) {
    return new NoteException(Reason.MALFORMED_KEY, message);
  }
}
