package io.coffer.cas.seal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;

/**
 * The CAS's data key: a Tink AEAD keyset of one AES-256-GCM key, under which the {@link Barrier}
 * encrypts every row. It exists in clear only inside the CAS process: it is created here, leaves
 * only wrapped by a {@link Seal}, and never hands out its key bytes.
 *
 * <p>Thread-safe.
 */
public final class DataKey {

  static {
    try {
      AeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final KeysetHandle keyset;
  private final Aead aead;

  private DataKey(KeysetHandle keyset) throws GeneralSecurityException {
    this.keyset = keyset;
    this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }

  /** A fresh random data key. */
  public static DataKey generate() {
    try {
      return new DataKey(
          KeysetHandle.newBuilder()
              .addEntry(
                  KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                      .withRandomId()
                      .makePrimary())
              .build());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an AES-256-GCM key", e);
    }
  }

  /** The barrier that encrypts rows under this key. */
  public AeadBarrier barrier() {
    return new AeadBarrier(aead);
  }

  /**
   * The keyset encrypted under {@code kek} with {@code associatedData} (Tink's encrypted keyset
   * format, {@code TinkProtoKeysetFormat.serializeEncryptedKeyset}).
   */
  byte[] wrap(Aead kek, byte[] associatedData) {
    try {
      return TinkProtoKeysetFormat.serializeEncryptedKeyset(
          keyset, kek, associatedData, RegistryConfiguration.get());
    } catch (GeneralSecurityException e) {
      // Encrypting a small keyset under a valid AES-GCM key does not fail.
      throw new IllegalStateException("cannot wrap the data key", e);
    }
  }

  /**
   * The data key in {@code wrapped}, which must open under {@code kek} with {@code associatedData}
   * and hold exactly one enabled AES-256-GCM key.
   *
   * @throws GeneralSecurityException if it does not open or holds anything else
   */
  static DataKey unwrap(byte[] wrapped, Aead kek, byte[] associatedData)
      throws GeneralSecurityException {
    KeysetHandle keyset =
        TinkProtoKeysetFormat.parseEncryptedKeyset(
            wrapped, kek, associatedData, RegistryConfiguration.get());
    if (keyset.size() != 1
        || !(keyset.getPrimary().getKey().getParameters() instanceof AesGcmParameters p)
        || p.getKeySizeBytes() != 32) {
      throw new GeneralSecurityException("the wrapped keyset is not one AES-256-GCM key");
    }
    return new DataKey(keyset);
  }

  @Override
  public String toString() {
    return "DataKey[redacted]";
  }
}
