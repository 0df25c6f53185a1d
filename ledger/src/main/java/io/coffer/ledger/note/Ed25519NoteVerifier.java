package io.coffer.ledger.note;

import java.security.GeneralSecurityException;
import java.security.PublicKey;

/** Verifies Ed25519 note signatures (C2SP signed-note, signature type 0x01). */
public final class Ed25519NoteVerifier extends NoteVerifier {

  private final PublicKey publicKey;

  private Ed25519NoteVerifier(String keyName, byte[] rawKey, PublicKey publicKey) {
    super(keyName, KeyId.derive(keyName, SignatureType.ED25519.id(), rawKey), rawKey);
    this.publicKey = publicKey;
  }

  /**
   * The verifier for a raw 32-byte Ed25519 public key; its key ID is {@code SHA-256(name || 0x0A ||
   * 0x01 || key)[:4]}.
   *
   * @throws NoteException {@code MALFORMED_KEY} if the name or key is invalid
   */
  public static Ed25519NoteVerifier of(String keyName, byte[] rawKey) throws NoteException {
    if (!KeyNames.isValid(keyName)) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid key name " + KeyNames.describe(keyName));
    }
    try {
      return new Ed25519NoteVerifier(keyName, rawKey.clone(), Ed25519Keys.publicKey(rawKey));
    } catch (GeneralSecurityException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  @Override
  public SignatureType type() {
    return SignatureType.ED25519;
  }

  /** The raw 32-byte public key. */
  public byte[] publicKey() {
    return keyMaterial();
  }

  @Override
  boolean verifies(byte[] text, byte[] signature) {
    return Ed25519Keys.verify(publicKey, signature, text);
  }
}
