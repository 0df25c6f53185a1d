package io.coffer.fsshield;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The sealed manifest: a 5-byte header ({@code CFSM}, version 1) then the manifest's JSON under
 * AES-256-GCM (Tink's {@code AesGcmJce}: random 12-byte IV, 16-byte tag) with the header as
 * associated data. Its SHA-256 is the tree's tag.
 */
final class ManifestBox {
  /** Largest sealed manifest read. */
  public static final int MAX_SEALED_BYTES = 256 << 20;

  private static final byte[] HEADER = {'C', 'F', 'S', 'M', 1};

  private ManifestBox() {}

  /** Seals a manifest's JSON. */
  public static byte[] seal(byte[] json, TreeKey key) {
    byte[] k = Keys.manifestKey(key);
    try {
      byte[] ct = new AesGcmJce(k).encrypt(json, HEADER);
      byte[] out = Arrays.copyOf(HEADER, HEADER.length + ct.length);
      System.arraycopy(ct, 0, out, HEADER.length, ct.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-GCM is not available", e);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /**
   * Opens a sealed manifest.
   *
   * @return its JSON
   * @throws GeneralSecurityException when it is not sealed under this key, or was changed
   */
  public static byte[] open(byte[] sealed, TreeKey key) throws GeneralSecurityException {
    if (sealed.length < HEADER.length
        || !Arrays.equals(sealed, 0, HEADER.length, HEADER, 0, HEADER.length)) {
      throw new GeneralSecurityException("not a sealed manifest of version 1");
    }
    byte[] k = Keys.manifestKey(key);
    try {
      return new AesGcmJce(k)
          .decrypt(Arrays.copyOfRange(sealed, HEADER.length, sealed.length), HEADER);
    } finally {
      Arrays.fill(k, (byte) 0);
    }
  }

  /** The tag of a sealed manifest: its SHA-256. */
  public static byte[] tag(byte[] sealed) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(sealed);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
