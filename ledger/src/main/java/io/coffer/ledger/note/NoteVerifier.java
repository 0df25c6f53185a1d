package io.coffer.ledger.note;

import java.util.Arrays;

/**
 * A trusted public key that can check signatures on notes: a key name, a key ID and a signature
 * type. Verifiers are configured by whoever verifies; a key named inside a note is never trusted on
 * its own.
 *
 * <p>Verifiers are immutable and safe to share between threads.
 */
public abstract sealed class NoteVerifier
    permits Ed25519NoteVerifier, EcdsaNoteVerifier, CosignatureVerifier, Rfc6962NoteVerifier {

  private final String keyName;
  private final KeyId keyId;
  private final byte[] keyMaterial;

  NoteVerifier(String keyName, KeyId keyId, byte[] keyMaterial) {
    this.keyName = KeyNames.require(keyName);
    this.keyId = keyId;
    this.keyMaterial = keyMaterial.clone();
  }

  /**
   * Parses a C2SP vkey {@code <name>+<hex key ID>+<base64(type || key)>} and checks that the key ID
   * matches the key.
   *
   * @throws NoteException {@code MALFORMED_KEY}, {@code UNSUPPORTED_KEY_TYPE} or {@code
   *     KEY_ID_MISMATCH}
   */
  public static NoteVerifier parse(String vkey) throws NoteException {
    return VerifierKeyCodec.parse(vkey);
  }

  /**
   * The verifier for a PEM {@code PUBLIC KEY} (SubjectPublicKeyInfo): Ed25519 gives a type 0x01
   * verifier, ECDSA P-256 a type 0x02 verifier, the same as their vkeys would give.
   *
   * @throws NoteException {@code MALFORMED_KEY} or {@code UNSUPPORTED_KEY_TYPE}
   */
  public static NoteVerifier fromPem(String keyName, String pem) throws NoteException {
    return PemPublicKeys.verifier(keyName, pem);
  }

  /** The key name that signature lines must carry. */
  public final String keyName() {
    return keyName;
  }

  /** The key ID that signatures must start with. */
  public final KeyId keyId() {
    return keyId;
  }

  /** The public key material as vkeys encode it after the type byte (a copy). */
  final byte[] keyMaterial() {
    return keyMaterial.clone();
  }

  /** The signature type. */
  public abstract SignatureType type();

  /** The vkey: {@code <name>+<hex key ID>+<base64(type || key)>}. */
  public final String vkey() {
    byte[] typed = new byte[1 + keyMaterial.length];
    typed[0] = (byte) type().id();
    System.arraycopy(keyMaterial, 0, typed, 1, keyMaterial.length);
    return keyName + "+" + keyId.toHex() + "+" + StrictBase64.encode(typed);
  }

  /**
   * Whether {@code signature} (the bytes after the key ID) is this key's valid signature of {@code
   * text}. Malformed signatures are simply not valid.
   */
  abstract boolean verifies(byte[] text, byte[] signature);

  /** Two verifiers are equal when they have the same name, key ID, type and key. */
  @Override
  public final boolean equals(Object o) {
    return o instanceof NoteVerifier other
        && type() == other.type()
        && keyName.equals(other.keyName)
        && keyId.equals(other.keyId)
        && Arrays.equals(keyMaterial, other.keyMaterial);
  }

  @Override
  public final int hashCode() {
    return keyName.hashCode() * 31 + keyId.hashCode();
  }

  /** {@code <name>+<key ID>}, as the Go reference names keys in messages. */
  @Override
  public final String toString() {
    return keyName + "+" + keyId.toHex();
  }
}
