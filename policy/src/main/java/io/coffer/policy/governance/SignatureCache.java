package io.coffer.policy.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signatures already found valid, so that an approval verified when it arrives, and again at every
 * later evaluation of its proposal, costs one signature verification rather than one each time.
 *
 * <p>Only successful verifications are remembered, each under SHA-256 of the scheme, the signing
 * identity's text (which names its key exactly), the message and the signature, every part
 * length-prefixed. A hit therefore stands for a verification of exactly those bytes; anything else
 * (another message, a re-encoded or altered signature, another key) misses and is verified. A
 * failed verification is never remembered, so a forgery costs its verifier every time, as it would
 * without a cache.
 *
 * <p>Bounded (least recently used entries go first) and safe for concurrent use. One cache belongs
 * to one verifier: sharing it with a party that verifies on its own behalf (a client checking what
 * it just signed) would let that party's work stand in for the verifier's, which is harmless for
 * correctness but misleading in a measurement.
 */
public final class SignatureCache {

  /** A size that holds every approval of many open proposals. */
  public static final int DEFAULT_ENTRIES = 4096;

  private final int maxEntries;
  private final Map<ByteBuffer, Boolean> verified;

  /**
   * A cache of at most {@code maxEntries} verifications; {@code 0} remembers nothing.
   *
   * @throws IllegalArgumentException for a negative size
   */
  public SignatureCache(int maxEntries) {
    if (maxEntries < 0) {
      throw new IllegalArgumentException("a cache size is not negative, got " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.verified =
        new LinkedHashMap<>(Math.min(maxEntries, DEFAULT_ENTRIES) * 2, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Boolean> eldest) {
            return size() > SignatureCache.this.maxEntries;
          }
        };
  }

  /** A cache that remembers nothing: every call verifies. */
  static SignatureCache none() {
    return new SignatureCache(0);
  }

  /** Whether {@code signature} by {@code signer} (whose key is {@code key}) verifies. */
  boolean verifies(
      SignatureScheme scheme, Identity signer, PublicKey key, byte[] message, byte[] signature) {
    if (maxEntries == 0) {
      return scheme.verifies(key, message, signature);
    }
    ByteBuffer entry = key(scheme, signer, message, signature);
    synchronized (verified) {
      if (verified.get(entry) != null) {
        return true;
      }
    }
    if (!scheme.verifies(key, message, signature)) {
      return false;
    }
    synchronized (verified) {
      verified.put(entry, Boolean.TRUE);
    }
    return true;
  }

  /** How many verifications are remembered. */
  public int size() {
    synchronized (verified) {
      return verified.size();
    }
  }

  private static ByteBuffer key(
      SignatureScheme scheme, Identity signer, byte[] message, byte[] signature) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
    part(sha256, scheme.name().getBytes(StandardCharsets.UTF_8));
    part(sha256, signer.toString().getBytes(StandardCharsets.UTF_8));
    part(sha256, message);
    part(sha256, signature);
    return ByteBuffer.wrap(sha256.digest());
  }

  private static void part(MessageDigest digest, byte[] bytes) {
    digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
    digest.update(bytes);
  }
}
