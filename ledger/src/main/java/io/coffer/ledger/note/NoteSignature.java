package io.coffer.ledger.note;

import java.util.Arrays;
import java.util.Objects;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)} (C2SP
 * signed-note, "Signatures"). Holding one proves nothing: only {@link NoteVerifiers} decides
 * whether a signature is valid.
 *
 * @param keyName the key name written on the line
 * @param keyId the key ID that starts the signature bytes
 * @param signature the signature bytes after the key ID (at least one byte)
 */
public record NoteSignature(String keyName, KeyId keyId, byte[] signature) {

  /** The em dash and space that start a signature line (U+2014, U+0020). */
  public static final String LINE_PREFIX = "\u2014 ";

  public NoteSignature {
    KeyNames.require(keyName);
    Objects.requireNonNull(keyId, "keyId");
    if (signature.length == 0) {
      throw new IllegalArgumentException("a note signature has at least one byte after the key ID");
    }
    signature = signature.clone();
  }

  /**
   * A signature from its key name and the base64 text of a signature line.
   *
   * @throws NoteException {@code MALFORMED_SIGNATURE} unless the text is canonical padded base64 of
   *     more than four bytes and the name is a valid key name
   */
  public static NoteSignature fromBase64(String keyName, String base64) throws NoteException {
    if (!KeyNames.isValid(keyName)) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_SIGNATURE,
          "invalid key name " + KeyNames.describe(keyName));
    }
    byte[] raw =
        StrictBase64.decode(base64)
            .orElseThrow(() ->
                new NoteException(
                    NoteException.Reason.MALFORMED_SIGNATURE,
                    "signature is not canonical padded base64"));
    if (raw.length <= KeyId.SIZE_BYTES) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_SIGNATURE,
          "signature is " + raw.length + " bytes, must be more than 4 (key ID and signature)");
    }
    return new NoteSignature(
        keyName, KeyId.of(raw, 0), Arrays.copyOfRange(raw, KeyId.SIZE_BYTES, raw.length));
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** The signature bytes without copying; only for this package's verifiers. */
  byte[] signatureBytes() {
    return signature;
  }

  /** {@code base64(key ID || signature)}, as written on the line. */
  public String base64() {
    byte[] raw = new byte[KeyId.SIZE_BYTES + signature.length];
    System.arraycopy(keyId.bytes(), 0, raw, 0, KeyId.SIZE_BYTES);
    System.arraycopy(signature, 0, raw, KeyId.SIZE_BYTES, signature.length);
    return StrictBase64.encode(raw);
  }

  /** The whole line, with its final newline. */
  public String toLine() {
    return LINE_PREFIX + keyName + " " + base64() + "\n";
  }

  /** Whether this signature is by the key with {@code keyName} and {@code keyId}. */
  public boolean isBy(String keyName, KeyId keyId) {
    return this.keyName.equals(keyName) && this.keyId.equals(keyId);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature other
        && keyName.equals(other.keyName)
        && keyId.equals(other.keyId)
        && Arrays.equals(signature, other.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyName, keyId, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyName + "+" + keyId + "]";
  }
}
