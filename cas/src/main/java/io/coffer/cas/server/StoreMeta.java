package io.coffer.cas.server;

import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.SealedDataKey;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.store.ReadTransaction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a CAS keeps about itself in its store's metadata, written once when the CAS is made: its
 * instance id, its sealed data key, its keys (behind the barrier), and the public half of its
 * ledger key in clear, so that a sealed CAS can describe itself.
 *
 * <p>All of it comes from the untrusted store: the sealed data key is authenticated by the seal,
 * the keys by the barrier, and the clear public key is compared with the unsealed keys on start
 * (and by clients with the key they pinned).
 *
 * @param casId the instance id
 * @param sealed the data key as the seal wrapped it
 * @param keys the barrier's ciphertext of the CAS's keys
 * @param ledgerPublicKey the ledger key's SubjectPublicKeyInfo
 * @param ledgerVerifierKey the ledger key as a C2SP verifier key string
 */
record StoreMeta(
    String casId,
    SealedDataKey sealed,
    byte[] keys,
    byte[] ledgerPublicKey,
    String ledgerVerifierKey) {

  static final String CAS_ID = "cas_id";
  static final String SEAL = "seal";
  static final String IDENTITY = "identity";
  static final String LEDGER_SPKI = "ledger_spki";
  static final String LEDGER_VKEY = "ledger_vkey";

  /** Reads the metadata; empty for a store no CAS was made in. */
  static Optional<StoreMeta> read(CasStore store) throws CasException {
    return store.read(StoreMeta::read);
  }

  private static Optional<StoreMeta> read(ReadTransaction tx) throws CasException {
    Optional<byte[]> seal = tx.meta(SEAL);
    if (seal.isEmpty()) {
      return Optional.empty();
    }
    SealedDataKey sealed;
    try {
      sealed = SealedDataKey.decode(seal.get());
    } catch (io.coffer.cas.seal.SealException e) {
      throw new CasException(Type.INTERNAL, "the stored sealed data key: " + e.getMessage(), e);
    }
    return Optional.of(
        new StoreMeta(
            text(required(tx, CAS_ID)),
            sealed,
            required(tx, IDENTITY),
            required(tx, LEDGER_SPKI),
            text(required(tx, LEDGER_VKEY))));
  }

  /**
   * Writes the metadata of a new CAS, unless another process made one first (then {@code
   * ALREADY_EXISTS}).
   */
  static StoreMeta create(
      CasStore store, String casId, SealedDataKey sealed, CasKeys keys, Barrier barrier)
      throws CasException {
    StoreMeta meta =
        new StoreMeta(
            casId, sealed, keys.encrypt(barrier), keys.ledgerPublicKey(), keys.ledgerVerifierKey());
    store.write(tx -> {
      if (tx.meta(SEAL).isPresent()) {
        throw new CasException(Type.ALREADY_EXISTS, "another process made this CAS first");
      }
      tx.putMeta(CAS_ID, casId.getBytes(StandardCharsets.UTF_8));
      tx.putMeta(IDENTITY, meta.keys());
      tx.putMeta(LEDGER_SPKI, meta.ledgerPublicKey());
      tx.putMeta(LEDGER_VKEY, meta.ledgerVerifierKey().getBytes(StandardCharsets.UTF_8));
      tx.putMeta(SEAL, sealed.encode());
      return null;
    });
    return meta;
  }

  /**
   * Opens the keys with the barrier and checks them against the clear copies.
   *
   * @throws CasException {@code INTERNAL} when they do not open or do not match
   */
  CasKeys openKeys(Barrier barrier) throws CasException {
    CasKeys opened;
    try {
      opened = CasKeys.decrypt(barrier, keys);
    } catch (io.coffer.cas.identity.IdentityException e) {
      throw new CasException(
          Type.INTERNAL, "the stored keys do not open with this data key: " + e.getMessage(), e);
    }
    if (!java.util.Arrays.equals(opened.ledgerPublicKey(), ledgerPublicKey)
        || !opened.ledgerVerifierKey().equals(ledgerVerifierKey)) {
      throw new CasException(
          Type.INTERNAL, "the store's clear ledger key is not the key sealed with this CAS");
    }
    return opened;
  }

  private static byte[] required(ReadTransaction tx, String key) throws CasException {
    return tx.meta(key)
        .orElseThrow(
            () -> new CasException(Type.INTERNAL, "the store's metadata has a seal but no " + key));
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public byte[] keys() {
    return keys.clone();
  }

  @Override
  public byte[] ledgerPublicKey() {
    return ledgerPublicKey.clone();
  }
}
