package io.coffer.cas.seal;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A {@link Barrier} over a Tink {@link Aead} (the CAS's data key, AES-256-GCM), with the row's
 * {@link RowId#associatedData()} as associated data.
 */
public final class AeadBarrier implements Barrier {

  private final Aead aead;

  public AeadBarrier(Aead aead) {
    this.aead = Objects.requireNonNull(aead, "aead");
  }

  @Override
  public byte[] encrypt(RowId row, byte[] plaintext) {
    try {
      return aead.encrypt(plaintext, row.associatedData());
    } catch (GeneralSecurityException e) {
      // Encryption under a valid AES-GCM key fails only on impossible input sizes.
      throw new IllegalStateException("cannot encrypt row " + row, e);
    }
  }

  @Override
  public byte[] decrypt(RowId row, byte[] ciphertext) throws BarrierException {
    try {
      return aead.decrypt(ciphertext, row.associatedData());
    } catch (GeneralSecurityException e) {
      throw new BarrierException(
          row,
          "the stored ciphertext of "
              + row
              + " does not open: altered, moved from another row or version, or under another key",
          e);
    }
  }
}
