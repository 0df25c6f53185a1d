package io.coffer.ledger.note;

import io.coffer.ledger.note.NoteException.Reason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;

/**
 * Signs notes with Ed25519 (C2SP signed-note, signature type 0x01). Signatures are deterministic
 * (RFC 8032). Safe to share between threads.
 */
public final class Ed25519NoteSigner implements NoteSigner {

  private static final String SIGNER_KEY_PREFIX = "PRIVATE+KEY+";

  private final Ed25519Seed seed;
  private final PrivateKey privateKey;
  private final Ed25519NoteVerifier verifier;

  private Ed25519NoteSigner(Ed25519Seed seed, PrivateKey privateKey, Ed25519NoteVerifier verifier) {
    this.seed = seed;
    this.privateKey = privateKey;
    this.verifier = verifier;
  }

  /**
   * The signer with key name {@code keyName} for {@code seed}.
   *
   * @throws NoteException {@code MALFORMED_KEY} if the name is invalid
   */
  public static Ed25519NoteSigner of(String keyName, Ed25519Seed seed) throws NoteException {
    Ed25519NoteVerifier verifier = Ed25519NoteVerifier.of(keyName, seed.publicKey());
    byte[] secret = seed.revealBytes();
    try {
      return new Ed25519NoteSigner(seed, Ed25519Keys.privateKey(secret), verifier);
    } catch (GeneralSecurityException e) {
      throw new NoteException(Reason.MALFORMED_KEY, "the JDK rejects the Ed25519 seed", e);
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
    }
  }

  /** A signer with a fresh random key. Its {@link #signerKey()} and vkey can then be saved. */
  public static Ed25519NoteSigner generate(String keyName, SecureRandom random)
      throws NoteException {
    return of(keyName, Ed25519Seed.generate(random));
  }

  /**
   * Parses a signer key {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>} and checks
   * its key ID against the public key derived from the seed. Messages never quote the key.
   *
   * @throws NoteException {@code MALFORMED_KEY}, {@code UNSUPPORTED_KEY_TYPE} or {@code
   *     KEY_ID_MISMATCH}
   */
  public static Ed25519NoteSigner fromSignerKey(String signerKey) throws NoteException {
    if (!signerKey.startsWith(SIGNER_KEY_PREFIX)) {
      throw new NoteException(Reason.MALFORMED_KEY, "signer key does not start with PRIVATE+KEY+");
    }
    VerifierKeyCodec.Parts parts =
        VerifierKeyCodec.split(signerKey.substring(SIGNER_KEY_PREFIX.length()), "signer key");
    if (parts.type() != SignatureType.ED25519.id()) {
      throw new NoteException(
          Reason.UNSUPPORTED_KEY_TYPE, "signer key is not an Ed25519 (type 0x01) key");
    }
    byte[] secret = parts.key();
    try {
      if (secret.length != Ed25519Seed.SIZE_BYTES) {
        throw new NoteException(Reason.MALFORMED_KEY, "signer key seed is not 32 bytes");
      }
      Ed25519NoteSigner signer = of(parts.name(), Ed25519Seed.of(secret));
      VerifierKeyCodec.requireKeyId(parts.keyId(), signer.keyId(), "signer key");
      return signer;
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
    }
  }

  @Override
  public String keyName() {
    return verifier.keyName();
  }

  @Override
  public KeyId keyId() {
    return verifier.keyId();
  }

  /** The verifier for this signer's signatures. */
  public Ed25519NoteVerifier verifier() {
    return verifier;
  }

  /** The secret signer key string, to be stored as the Go reference stores it. */
  public EncodedSignerKey signerKey() {
    byte[] secret = seed.revealBytes();
    byte[] typed = new byte[1 + secret.length];
    typed[0] = (byte) SignatureType.ED25519.id();
    System.arraycopy(secret, 0, typed, 1, secret.length);
    try {
      return new EncodedSignerKey(
          SIGNER_KEY_PREFIX + keyName() + "+" + keyId().toHex() + "+" + StrictBase64.encode(typed));
    } finally {
      java.util.Arrays.fill(secret, (byte) 0);
      java.util.Arrays.fill(typed, (byte) 0);
    }
  }

  @Override
  public byte[] sign(byte[] text) throws GeneralSecurityException {
    return Ed25519Keys.sign(privateKey, text);
  }

  @Override
  public String toString() {
    return "Ed25519NoteSigner[" + verifier + "]";
  }
}
