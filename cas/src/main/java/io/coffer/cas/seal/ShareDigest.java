package io.coffer.cas.seal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The SHA-256 commitment to one Shamir share: {@code SHA-256("coffer-shamir-share-v1" || seal id ||
 * index as one byte || share bytes)}. A share file carries it as its checksum, and the sealed data
 * key records it for every share, so a corrupted share or one of another seal is refused alone,
 * before it could spoil a recombination.
 *
 * <p>It reveals nothing useful about the share: shares are 32 bytes of key-sized entropy.
 *
 * @param bytes {@value #SIZE_BYTES} bytes
 */
public record ShareDigest(byte[] bytes) {

  /** The size of a digest. */
  public static final int SIZE_BYTES = 32;

  private static final byte[] DOMAIN = "coffer-shamir-share-v1".getBytes(StandardCharsets.US_ASCII);

  public ShareDigest {
    if (bytes.length != SIZE_BYTES) {
      throw new IllegalArgumentException("a share digest is 32 bytes, got " + bytes.length);
    }
    bytes = bytes.clone();
  }

  /** The digest of share {@code index} (1 to 255) of seal {@code sealId}. */
  static ShareDigest of(SealId sealId, int index, byte[] share) {
    if (index < 1 || index > 255) {
      throw new IllegalArgumentException("a share index is 1 to 255, got " + index);
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(DOMAIN);
      d.update(sealId.bytes());
      d.update((byte) index);
      d.update(share);
      return new ShareDigest(d.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ShareDigest d && MessageDigest.isEqual(bytes, d.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes);
  }
}
