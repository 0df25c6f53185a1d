package io.coffer.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.time.Instant;

/**
 * Verifies timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature, signature type 0x04).
 *
 * <p>A cosignature is {@code timestamp (uint64, big-endian) || Ed25519 signature} over {@code
 * "cosignature/v1\ntime <timestamp>\n" || note text}. It states that, at that time, this was the
 * largest consistent tree the cosigner had seen for the checkpoint's origin.
 *
 * <p>Not checked: whether the timestamp is in the future (the spec allows rejecting it; callers
 * that care read {@link #timestamp}).
 */
public final class CosignatureVerifier extends NoteVerifier {

  /** Timestamp and Ed25519 signature. */
  static final int SIGNATURE_BYTES = 8 + Ed25519Keys.SIGNATURE_BYTES;

  private final PublicKey publicKey;

  private CosignatureVerifier(String keyName, byte[] rawKey, PublicKey publicKey) {
    super(keyName, KeyId.derive(keyName, SignatureType.COSIGNATURE_V1.id(), rawKey), rawKey);
    this.publicKey = publicKey;
  }

  /**
   * The cosignature verifier for a raw 32-byte Ed25519 public key; its key ID is {@code
   * SHA-256(name || 0x0A || 0x04 || key)[:4]}.
   *
   * @throws NoteException {@code MALFORMED_KEY} if the name or key is invalid
   */
  public static CosignatureVerifier of(String keyName, byte[] rawKey) throws NoteException {
    if (!KeyNames.isValid(keyName)) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid key name " + KeyNames.describe(keyName));
    }
    try {
      return new CosignatureVerifier(keyName, rawKey.clone(), Ed25519Keys.publicKey(rawKey));
    } catch (GeneralSecurityException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "invalid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /**
   * The cosignature verifier for a vkey of type 0x04, or of type 0x01 whose Ed25519 key is reused
   * for cosignatures under the same name (its key ID is recomputed with type 0x04).
   *
   * @throws NoteException if the vkey is invalid or of another type
   */
  public static CosignatureVerifier fromVkey(String vkey) throws NoteException {
    NoteVerifier parsed = NoteVerifier.parse(vkey);
    if (parsed instanceof CosignatureVerifier cosigner) {
      return cosigner;
    }
    if (parsed instanceof Ed25519NoteVerifier ed25519) {
      return of(ed25519.keyName(), ed25519.publicKey());
    }
    throw new NoteException(
        NoteException.Reason.UNSUPPORTED_KEY_TYPE,
        "a cosigner key has type 0x04 or 0x01, not " + parsed.type());
  }

  @Override
  public SignatureType type() {
    return SignatureType.COSIGNATURE_V1;
  }

  /** The raw 32-byte Ed25519 public key. */
  public byte[] publicKey() {
    return keyMaterial();
  }

  /**
   * The time a cosignature claims it was made.
   *
   * @throws NoteException {@code MALFORMED_SIGNATURE} unless it has the cosignature layout with a
   *     timestamp below 2^63
   */
  public static Instant timestamp(NoteSignature cosignature) throws NoteException {
    byte[] sig = cosignature.signatureBytes();
    if (sig.length != SIGNATURE_BYTES) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_SIGNATURE,
          "a cosignature is "
              + SIGNATURE_BYTES
              + " bytes after the key ID (timestamp and Ed25519 signature), got "
              + sig.length);
    }
    long seconds = timestampSeconds(sig);
    if (seconds < 0) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_SIGNATURE, "cosignature timestamp exceeds 2^63 - 1");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** The signed message: {@code "cosignature/v1\ntime <t>\n"} before the note text. */
  static byte[] header(long timestampSeconds) {
    return ("cosignature/v1\ntime " + timestampSeconds + "\n").getBytes(StandardCharsets.US_ASCII);
  }

  private static long timestampSeconds(byte[] sig) {
    long t = 0;
    for (int i = 0; i < 8; i++) {
      t = t << 8 | (sig[i] & 0xff);
    }
    return t;
  }

  @Override
  boolean verifies(byte[] text, byte[] signature) {
    if (signature.length != SIGNATURE_BYTES) {
      return false;
    }
    long seconds = timestampSeconds(signature);
    // tlog-cosignature, "Format": the timestamp MUST NOT exceed 2^63 - 1.
    if (seconds < 0) {
      return false;
    }
    byte[] ed25519 = java.util.Arrays.copyOfRange(signature, 8, SIGNATURE_BYTES);
    return Ed25519Keys.verify(publicKey, ed25519, header(seconds), text);
  }
}
