package io.coffer.cas.seal;

import io.coffer.cas.seal.SealException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The data key as a seal wrapped it, with what is needed to open it again: what the CAS keeps in
 * its store's meta table (key {@code seal}), so that every CAS process on one database shares it.
 * Storage is the caller's; this is the value and its encoding.
 *
 * <p>Encoding, version 1 (integers big-endian):
 *
 * <pre>
 * magic "CSDK", version 0x01
 * u8  seal type (1 key-file, 2 shamir)
 * 16  seal id
 * u8  CAS instance id length (1..64), then its ASCII bytes
 * u8  threshold, u8 share count (both 0 for key-file; 1 &lt;= threshold &lt;= count for shamir)
 * 32  share digest, once per share, index 1 first
 * u32 wrapped key length (1..{@value #MAX_WRAPPED_BYTES}), then the wrapped key
 * </pre>
 *
 * <p>Everything before the wrapped key's length is the header, and the header is the associated
 * data of the wrapped key: a changed type, seal id, instance id, threshold or digest makes the key
 * fail to open, never open under other terms.
 *
 * @param type how the key is wrapped
 * @param sealId the seal's random id
 * @param casId the CAS instance the seal belongs to
 * @param threshold for Shamir, the shares needed; 0 otherwise
 * @param shareDigests for Shamir, the digest of every share in index order; empty otherwise
 * @param wrappedKey the Tink encrypted keyset
 */
public record SealedDataKey(
    SealType type,
    SealId sealId,
    String casId,
    int threshold,
    List<ShareDigest> shareDigests,
    byte[] wrappedKey) {

  /** The largest wrapped key accepted (an encrypted one-key keyset is about 150 bytes). */
  public static final int MAX_WRAPPED_BYTES = 4096;

  /** The most shares a Shamir seal has (shares are indexed by one byte, GF(2^8)). */
  public static final int MAX_SHARES = 255;

  private static final Pattern CAS_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final byte[] MAGIC = "CSDK".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;

  public SealedDataKey {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sealId, "sealId");
    requireCasId(casId);
    shareDigests = List.copyOf(shareDigests);
    if (type == SealType.KEY_FILE && (threshold != 0 || !shareDigests.isEmpty())) {
      throw new IllegalArgumentException("a key-file seal has no threshold and no shares");
    }
    if (type == SealType.SHAMIR
        && (shareDigests.size() > MAX_SHARES || threshold < 1 || threshold > shareDigests.size())) {
      throw new IllegalArgumentException(
          "a Shamir seal needs 1 <= threshold <= shares <= 255, got threshold "
              + threshold
              + " of "
              + shareDigests.size());
    }
    if (wrappedKey.length == 0 || wrappedKey.length > MAX_WRAPPED_BYTES) {
      throw new IllegalArgumentException(
          "a wrapped key is 1 to " + MAX_WRAPPED_BYTES + " bytes, got " + wrappedKey.length);
    }
    wrappedKey = wrappedKey.clone();
  }

  /**
   * Checks a CAS instance id: 1 to 64 characters, letters, digits, {@code . _ -}, starting with a
   * letter or digit.
   *
   * @throws IllegalArgumentException if it is not one
   */
  public static String requireCasId(String casId) {
    Objects.requireNonNull(casId, "casId");
    if (!CAS_ID.matcher(casId).matches()) {
      throw new IllegalArgumentException(
          "a CAS instance id is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
    return casId;
  }

  /** The number of shares of a Shamir seal; 0 for a key-file seal. */
  public int shareCount() {
    return shareDigests.size();
  }

  @Override
  public byte[] wrappedKey() {
    return wrappedKey.clone();
  }

  /** The associated data of the wrapped key: the header. */
  byte[] associatedData() {
    return header(type, sealId, casId, threshold, shareDigests);
  }

  /** The header for these fields; see the class description. */
  static byte[] header(
      SealType type, SealId sealId, String casId, int threshold, List<ShareDigest> digests) {
    byte[] id = casId.getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MAGIC);
    out.write(VERSION);
    out.write(type.code());
    out.writeBytes(sealId.bytes());
    out.write(id.length);
    out.writeBytes(id);
    out.write(threshold);
    out.write(digests.size());
    for (ShareDigest d : digests) {
      out.writeBytes(d.bytes());
    }
    return out.toByteArray();
  }

  /** The encoding; see the class description. */
  public byte[] encode() {
    byte[] header = associatedData();
    return ByteBuffer.allocate(header.length + 4 + wrappedKey.length)
        .put(header)
        .putInt(wrappedKey.length)
        .put(wrappedKey)
        .array();
  }

  /**
   * Decodes exactly one sealed data key of version 1.
   *
   * @throws SealException {@code MALFORMED} naming the field that is wrong
   */
  public static SealedDataKey decode(byte[] encoded) throws SealException {
    if (encoded.length > 2 * MAX_WRAPPED_BYTES + MAX_SHARES * ShareDigest.SIZE_BYTES) {
      throw malformed("longer than any sealed data key (" + encoded.length + " bytes)");
    }
    ByteBuffer b = ByteBuffer.wrap(encoded);
    try {
      byte[] magic = new byte[MAGIC.length];
      b.get(magic);
      if (!Arrays.equals(magic, MAGIC)) {
        throw malformed("not a sealed data key (magic)");
      }
      int version = b.get() & 0xff;
      if (version != VERSION) {
        throw malformed("unsupported version " + version + " (expected " + VERSION + ")");
      }
      int code = b.get() & 0xff;
      SealType type =
          SealType.fromCode(code).orElseThrow(() -> malformed("unknown seal type " + code));
      byte[] id = new byte[SealId.SIZE_BYTES];
      b.get(id);
      byte[] casId = new byte[b.get() & 0xff];
      b.get(casId);
      int threshold = b.get() & 0xff;
      int count = b.get() & 0xff;
      List<ShareDigest> digests = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] d = new byte[ShareDigest.SIZE_BYTES];
        b.get(d);
        digests.add(new ShareDigest(d));
      }
      int length = b.getInt();
      if (length < 1 || length > MAX_WRAPPED_BYTES) {
        throw malformed("wrapped key length " + Integer.toUnsignedString(length) + " out of range");
      }
      byte[] wrapped = new byte[length];
      b.get(wrapped);
      if (b.hasRemaining()) {
        throw malformed(b.remaining() + " bytes after the wrapped key");
      }
      return new SealedDataKey(
          type,
          new SealId(id),
          new String(casId, StandardCharsets.US_ASCII),
          threshold,
          digests,
          wrapped);
    } catch (BufferUnderflowException e) {
      throw new SealException(Reason.MALFORMED, "sealed data key: truncated", e);
    } catch (IllegalArgumentException e) {
      throw new SealException(Reason.MALFORMED, "sealed data key: " + e.getMessage(), e);
    }
  }

  private static SealException malformed(String why) {
    return new SealException(Reason.MALFORMED, "sealed data key: " + why);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SealedDataKey s && Arrays.equals(encode(), s.encode());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(wrappedKey);
  }

  @Override
  public String toString() {
    return "SealedDataKey["
        + type
        + ", seal "
        + sealId
        + ", CAS "
        + casId
        + (type == SealType.SHAMIR ? ", " + threshold + " of " + shareCount() : "")
        + "]";
  }
}
