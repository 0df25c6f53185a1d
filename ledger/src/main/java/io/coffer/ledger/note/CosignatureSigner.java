package io.coffer.ledger.note;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;

/**
 * Makes timestamped Ed25519 cosignatures (C2SP tlog-cosignature, signature type 0x04) of checkpoint
 * note text. The time comes from an injected clock. Safe to share between threads.
 *
 * <p>Restrictions: the spec's Ed25519 cosignature does not commit to the cosigner's name, so one
 * key must serve only one cosigner.
 */
public final class CosignatureSigner implements NoteSigner {

  private final PrivateKey privateKey;
  private final CosignatureVerifier verifier;
  private final Clock clock;

  private CosignatureSigner(PrivateKey privateKey, CosignatureVerifier verifier, Clock clock) {
    this.privateKey = privateKey;
    this.verifier = verifier;
    this.clock = clock;
  }

  /**
   * The cosigner named {@code keyName} with the Ed25519 key of {@code seed}, reading time from
   * {@code clock}.
   *
   * @throws NoteException {@code MALFORMED_KEY} if the name is invalid
   */
  public static CosignatureSigner of(String keyName, Ed25519Seed seed, Clock clock)
      throws NoteException {
    CosignatureVerifier verifier = CosignatureVerifier.of(keyName, seed.publicKey());
    byte[] secret = seed.revealBytes();
    try {
      return new CosignatureSigner(Ed25519Keys.privateKey(secret), verifier, clock);
    } catch (GeneralSecurityException e) {
      throw new NoteException(
          NoteException.Reason.MALFORMED_KEY, "the JDK rejects the Ed25519 seed", e);
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

  /** The verifier for this cosigner's cosignatures. */
  public CosignatureVerifier verifier() {
    return verifier;
  }

  /** {@code timestamp || Ed25519("cosignature/v1\ntime <timestamp>\n" || text)}. */
  @Override
  public byte[] sign(byte[] text) throws GeneralSecurityException {
    long seconds = clock.instant().getEpochSecond();
    if (seconds < 0) {
      throw new GeneralSecurityException("cannot cosign at a time before 1970: " + clock.instant());
    }
    byte[] signature = Ed25519Keys.sign(privateKey, CosignatureVerifier.header(seconds), text);
    return ByteBuffer.allocate(CosignatureVerifier.SIGNATURE_BYTES)
        .putLong(seconds)
        .put(signature)
        .array();
  }

  @Override
  public String toString() {
    return "CosignatureSigner[" + verifier + "]";
  }
}
