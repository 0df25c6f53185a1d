package io.coffer.cas.seal;

import io.coffer.cas.seal.SealException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.bouncycastle.crypto.threshold.ShamirSecretSplitter;
import org.bouncycastle.crypto.threshold.ShamirSplitSecret;
import org.bouncycastle.crypto.threshold.ShamirSplitSecretShare;
import org.bouncycastle.crypto.threshold.SplitSecret;

/**
 * A seal whose key-encryption key (KEK) is split into N Shamir shares, any T of which rebuild it
 * ({@code --seal shamir}). Made once, at init: a random 256-bit KEK is split with BouncyCastle's
 * {@link ShamirSecretSplitter} (GF(2^8), one polynomial per byte), the data key is wrapped under
 * it, and the shares are written to files for their holders. This object holds the KEK only until
 * {@link #destroy()}; afterwards the seal is opened by an {@link Unsealer}.
 *
 * <p>Security guarantees: fewer than T shares reveal nothing about the KEK (Shamir's scheme); each
 * share is bound to its seal id and index by its {@link ShareDigest}, and the sealed data key
 * records every share's digest.
 *
 * <p>Not protected against: the share files are written, in clear, to the directory the operator
 * names; unless the operator hands them out and deletes them at once, whoever can read T of them
 * (the operator first of all) can open the seal. Encrypting each share to its holder's public key
 * is not done yet.
 */
public final class ShamirSeal implements Seal {

  private final SealId sealId;
  private final String casId;
  private final int threshold;
  private final List<ShamirShare> shares;
  private final KeyEncryptionKey kek;
  private volatile boolean destroyed;

  private ShamirSeal(
      SealId sealId, String casId, int threshold, List<ShamirShare> shares, KeyEncryptionKey kek) {
    this.sealId = sealId;
    this.casId = casId;
    this.threshold = threshold;
    this.shares = List.copyOf(shares);
    this.kek = kek;
  }

  /**
   * A new seal for {@code casId} with {@code shareCount} shares, {@code threshold} of which open
   * it.
   *
   * @throws IllegalArgumentException unless 1 &lt;= threshold &lt;= shareCount &lt;= 255
   */
  public static ShamirSeal generate(
      String casId, int shareCount, int threshold, SecureRandom random) {
    SealedDataKey.requireCasId(casId);
    if (shareCount < 1
        || shareCount > SealedDataKey.MAX_SHARES
        || threshold < 1
        || threshold > shareCount) {
      throw new IllegalArgumentException(
          "a Shamir seal needs 1 <= threshold <= shares <= 255, got threshold "
              + threshold
              + " of "
              + shareCount);
    }
    SealId sealId = SealId.generate(random);
    KeyEncryptionKey kek = KeyEncryptionKey.generate(random);
    byte[] secret = kek.revealBytes();
    List<ShamirShare> shares = new ArrayList<>(shareCount);
    try {
      SplitSecret split =
          ShamirSecretSplitter.getInstance(
                  ShamirSecretSplitter.Algorithm.AES, KeyEncryptionKey.SIZE_BYTES, random)
              .resplit(secret, threshold, shareCount);
      var parts = split.getSecretShares();
      for (int i = 0; i < parts.length; i++) {
        // BouncyCastle evaluates the polynomials at x = 1..N, in order.
        byte[] bytes = parts[i].getEncoded();
        shares.add(new ShamirShare(sealId, casId, i + 1, threshold, shareCount, bytes));
        Arrays.fill(bytes, (byte) 0);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode a Shamir share", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
    return new ShamirSeal(sealId, casId, threshold, shares, kek);
  }

  /**
   * The KEK rebuilt from {@code shares} (index to share bytes), which must number at least the
   * threshold. With the wrong shares the result is a wrong key, not an error: the AEAD tells.
   */
  static KeyEncryptionKey combine(SortedMap<Integer, byte[]> shares) {
    ShamirSplitSecretShare[] parts = new ShamirSplitSecretShare[shares.size()];
    int i = 0;
    for (Map.Entry<Integer, byte[]> e : shares.entrySet()) {
      parts[i++] = new ShamirSplitSecretShare(e.getValue(), e.getKey());
    }
    try {
      byte[] secret =
          ShamirSplitSecret.getInstance(ShamirSecretSplitter.Algorithm.AES, parts).getSecret();
      try {
        return KeyEncryptionKey.of(secret);
      } finally {
        Arrays.fill(secret, (byte) 0);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot recombine Shamir shares", e);
    }
  }

  @Override
  public SealType type() {
    return SealType.SHAMIR;
  }

  @Override
  public SealId sealId() {
    return sealId;
  }

  @Override
  public String casId() {
    return casId;
  }

  /** The shares needed to open the seal. */
  public int threshold() {
    return threshold;
  }

  /** The shares, index 1 first: to be written out with {@link #writeShares} and handed out. */
  public List<ShamirShare> shares() {
    return shares;
  }

  @Override
  public byte[] wrap(DataKey key) {
    if (destroyed) {
      throw new IllegalStateException("the seal's key-encryption key was destroyed after init");
    }
    try {
      return key.wrap(kek.aead(), header());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    }
  }

  @Override
  public SealedDataKey seal(DataKey key) {
    return new SealedDataKey(type(), sealId, casId, threshold, digests(), wrap(key));
  }

  /**
   * Writes every share to its own new file in {@code directory}, mode 0600, named {@code
   * share-<seal id>-<index>.json}; an existing file is never replaced.
   *
   * @return the files, index 1 first
   * @throws SealException {@code IO} if a file exists or cannot be written
   */
  public List<Path> writeShares(Path directory) throws SealException {
    List<Path> files = new ArrayList<>();
    for (ShamirShare share : shares) {
      Path file = directory.resolve("share-" + sealId.hex() + "-" + share.index() + ".json");
      byte[] content = share.encode();
      try {
        OwnerOnlyFiles.createNew(file, content);
      } finally {
        Arrays.fill(content, (byte) 0);
      }
      files.add(file);
    }
    return files;
  }

  /** Forgets the KEK: after init the seal opens only from its shares; wrapping is refused. */
  public void destroy() {
    destroyed = true;
    kek.destroy();
  }

  private List<ShareDigest> digests() {
    return shares.stream().map(ShamirShare::digest).toList();
  }

  private byte[] header() {
    return SealedDataKey.header(type(), sealId, casId, threshold, digests());
  }

  /** Fails unless {@code sealed} is a Shamir seal; for the unsealer. */
  static void requireShamir(SealedDataKey sealed) throws SealException {
    if (sealed.type() != SealType.SHAMIR) {
      throw new SealException(
          Reason.WRONG_SEAL, "the stored data key is sealed by " + sealed.type() + ", not shamir");
    }
  }

  @Override
  public String toString() {
    return "ShamirSeal[seal " + sealId + ", " + threshold + " of " + shares.size() + "]";
  }
}
