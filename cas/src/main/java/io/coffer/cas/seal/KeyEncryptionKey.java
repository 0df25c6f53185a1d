package io.coffer.cas.seal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A 256-bit key-encryption key: what a seal keeps (in a file, or split into shares) and the data
 * key is wrapped under, as AES-256-GCM (Tink, no output prefix). Secret: redacted {@link
 * #toString()}, constant-time {@link #equals}, bytes only through {@link #revealBytes()}.
 */
final class KeyEncryptionKey {

  /** The size of the key. */
  static final int SIZE_BYTES = 32;

  private final byte[] key;

  private KeyEncryptionKey(byte[] key) {
    this.key = key;
  }

  static KeyEncryptionKey generate(SecureRandom random) {
    byte[] key = new byte[SIZE_BYTES];
    random.nextBytes(key);
    return new KeyEncryptionKey(key);
  }

  /** The key of these 32 bytes (copied). */
  static KeyEncryptionKey of(byte[] key) {
    if (key.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a key-encryption key is 32 bytes, got " + key.length);
    }
    return new KeyEncryptionKey(key.clone());
  }

  /** A copy of the secret bytes; the caller must not keep them longer than needed. */
  byte[] revealBytes() {
    return key.clone();
  }

  /** The AEAD under this key. */
  Aead aead() throws GeneralSecurityException {
    AesGcmParameters parameters =
        AesGcmParameters.builder()
            .setKeySizeBytes(SIZE_BYTES)
            .setIvSizeBytes(12)
            .setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build();
    AesGcmKey aesKey =
        AesGcmKey.builder()
            .setParameters(parameters)
            .setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
            .build();
    return AesGcmJce.create(aesKey);
  }

  /** Overwrites the key in memory; the key is unusable afterwards. */
  void destroy() {
    Arrays.fill(key, (byte) 0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyEncryptionKey k && MessageDigest.isEqual(key, k.key);
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "KeyEncryptionKey[redacted]";
  }
}
