package io.coffer.attestation.internal;

import java.util.Arrays;

/**
 * Bytes as a map key, compared by content. The array is not copied: callers pass arrays they own
 * and never change.
 */
public final class ByteKey {

  private final byte[] bytes;
  private final int hash;

  private ByteKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** A key for {@code bytes}, which the caller must not change afterwards. */
  public static ByteKey of(byte[] bytes) {
    return new ByteKey(bytes);
  }

  /** A key for the concatenation of {@code parts}. */
  public static ByteKey concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return new ByteKey(all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ByteKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
