package io.coffer.ledger.note;

import java.security.PublicKey;

/**
 * Verifies ECDSA P-256 note signatures (C2SP signed-note, signature type 0x02): an ASN.1 DER ECDSA
 * signature over SHA-256 of the note text. The key ID is the first four bytes of SHA-256 of the DER
 * SubjectPublicKeyInfo; it does not cover the key name.
 *
 * <p>Restrictions: only P-256 keys are accepted, although the spec also allows P-384 and P-521.
 */
public final class EcdsaNoteVerifier extends NoteVerifier {

  private final PublicKey publicKey;

  private EcdsaNoteVerifier(String keyName, byte[] spkiDer, PublicKey publicKey) {
    super(keyName, KeyId.truncatedSha256(spkiDer), spkiDer);
    this.publicKey = publicKey;
  }

  /**
   * The verifier for a DER SubjectPublicKeyInfo of an ECDSA P-256 key.
   *
   * @throws NoteException {@code MALFORMED_KEY} or {@code UNSUPPORTED_KEY_TYPE}
   */
  public static EcdsaNoteVerifier of(String keyName, byte[] spkiDer) throws NoteException {
    if (!KeyNames.isValid(keyName)) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid key name " + KeyNames.describe(keyName));
    }
    byte[] der = spkiDer.clone();
    return new EcdsaNoteVerifier(keyName, der, P256Keys.publicKey(der));
  }

  @Override
  public SignatureType type() {
    return SignatureType.ECDSA;
  }

  /** The DER SubjectPublicKeyInfo. */
  public byte[] subjectPublicKeyInfo() {
    return keyMaterial();
  }

  @Override
  boolean verifies(byte[] text, byte[] signature) {
    return P256Keys.verify(publicKey, text, signature);
  }
}
