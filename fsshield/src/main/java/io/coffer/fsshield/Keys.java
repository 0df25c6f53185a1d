package io.coffer.fsshield;

import com.google.crypto.tink.subtle.Hkdf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * The keys and associated data derived from a tree key (HKDF-SHA256, RFC 5869): one key for the
 * manifest, one for each file from its identity. A file's associated data binds its identity and
 * its path, so a stored file moved to another path or another identity does not authenticate.
 */
final class Keys {
  private static final byte[] MANIFEST_INFO =
      "coffer-fsshield/1 manifest".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FILE_INFO =
      "coffer-fsshield/1 file".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FILE_AD_PREFIX =
      "coffer-fsshield/1 file\0".getBytes(StandardCharsets.US_ASCII);

  private Keys() {}

  /** The manifest's AES-256-GCM key. */
  public static byte[] manifestKey(TreeKey tree) {
    return derive(tree, new byte[0], MANIFEST_INFO);
  }

  /** The key material of one file's streaming AEAD. */
  public static byte[] fileKey(TreeKey tree, FileId id) {
    return derive(tree, id.bytes(), FILE_INFO);
  }

  /** A file's associated data: its identity and its path. */
  public static byte[] fileAssociatedData(FileId id, String path) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + path.length());
    out.writeBytes(FILE_AD_PREFIX);
    out.writeBytes(id.bytes());
    out.writeBytes(path.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] derive(TreeKey tree, byte[] salt, byte[] info) {
    byte[] ikm = tree.bytes();
    try {
      return Hkdf.computeHkdf("HMACSHA256", ikm, salt, info, 32);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    } finally {
      Arrays.fill(ikm, (byte) 0);
    }
  }
}
