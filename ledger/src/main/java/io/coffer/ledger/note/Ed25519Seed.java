package io.coffer.ledger.note;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A 32-byte Ed25519 private key seed (RFC 8032 §5.1.5). Secret: {@link #toString()} never shows it,
 * {@link #equals} compares in constant time, and the bytes are handed out only by {@link
 * #revealBytes()}.
 */
public final class Ed25519Seed {

  /** The length of a seed in bytes. */
  public static final int SIZE_BYTES = 32;

  private final byte[] seed;

  private Ed25519Seed(byte[] seed) {
    this.seed = seed;
  }

  /** A seed from its 32 bytes (copied). */
  public static Ed25519Seed of(byte[] seed) {
    if (seed.length != SIZE_BYTES) {
      throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
    }
    return new Ed25519Seed(seed.clone());
  }

  /** A fresh random seed. */
  public static Ed25519Seed generate(SecureRandom random) {
    byte[] seed = new byte[SIZE_BYTES];
    random.nextBytes(seed);
    return new Ed25519Seed(seed);
  }

  /** A copy of the secret bytes; the caller must not log or keep them longer than needed. */
  public byte[] revealBytes() {
    return seed.clone();
  }

  /** The raw public key of this seed. */
  public byte[] publicKey() {
    return Ed25519Keys.publicKeyOfSeed(seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519Seed other && MessageDigest.isEqual(seed, other.seed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey());
  }

  @Override
  public String toString() {
    return "Ed25519Seed[redacted]";
  }
}
