package io.coffer.cas.seal;

/**
 * What wraps the {@link DataKey} for storage: a key-encryption key (KEK) held somewhere other than
 * the store. The wrapped form is Tink's encrypted keyset ({@code
 * TinkProtoKeysetFormat.serializeEncryptedKeyset}) under the KEK as AES-256-GCM, with the {@link
 * SealedDataKey}'s header as associated data: it names the seal type, the seal id and the CAS
 * instance id, so a wrapped key does not open for another seal or instance.
 *
 * <p>How a seal is opened depends on where its KEK lives: {@link InsecureKeyFileSeal#open} reads
 * the key file at start; a {@link ShamirSeal} is opened by an {@link Unsealer} once enough
 * shareholders have submitted their shares.
 *
 * <p>Not protected against: an attacker who obtains the KEK (the key file, or a threshold of
 * shares) together with the store.
 */
public interface Seal {

  /** The kind of seal. */
  SealType type();

  /** This seal's random id. */
  SealId sealId();

  /** The CAS instance this seal belongs to. */
  String casId();

  /** The data key wrapped under this seal's KEK (Tink encrypted keyset bytes). */
  byte[] wrap(DataKey key);

  /** The data key wrapped, with everything needed to open it again: what the store keeps. */
  SealedDataKey seal(DataKey key);
}
