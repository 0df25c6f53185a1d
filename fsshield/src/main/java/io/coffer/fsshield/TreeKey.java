package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;

/**
 * The 32-byte key of a protected tree. Each file's key, and the manifest's, are derived from it.
 * Its {@code toString} never shows it; {@link #bytes()} is the one explicit access.
 *
 * <p>A key file written here holds the standard base64 of the 32 bytes and a line end: the form the
 * CAS hands out ({@code $$COFFER:name:base64$$}). Reading also takes the 64 hex characters (how the
 * CAS reveals a {@code binary} secret by default) or the 32 bytes as they are.
 */
public final class TreeKey {
  /** Bytes of a key. */
  public static final int SIZE_BYTES = 32;

  private static final int MAX_KEY_FILE_BYTES = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  private TreeKey(byte[] key) {
    this.key = key;
  }

  /** A fresh random key. */
  public static TreeKey generate() {
    byte[] k = new byte[SIZE_BYTES];
    RANDOM.nextBytes(k);
    return new TreeKey(k);
  }

  /**
   * The key of these 32 bytes (copied).
   *
   * @throws IllegalArgumentException when not 32 bytes
   */
  public static TreeKey of(byte[] key) {
    if (key.length != SIZE_BYTES) {
      throw new IllegalArgumentException(
          "a tree key is " + SIZE_BYTES + " bytes, not " + key.length);
    }
    return new TreeKey(key.clone());
  }

  /**
   * Reads a key file.
   *
   * @throws FsShieldException {@link Reason#BAD_KEY_FILE} naming the file and what is wrong
   */
  public static TreeKey read(Path file) throws FsShieldException {
    byte[] raw;
    try {
      if (Files.size(file) > MAX_KEY_FILE_BYTES) {
        throw new FsShieldException(
            Reason.BAD_KEY_FILE,
            file.toString(),
            file + ": not a key file: more than " + MAX_KEY_FILE_BYTES + " bytes");
      }
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new FsShieldException(Reason.BAD_KEY_FILE, file.toString(), file + ": no such file", e);
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.BAD_KEY_FILE, file.toString(), file + ": cannot read: " + e.getMessage(), e);
    }
    byte[] k = decode(raw);
    Arrays.fill(raw, (byte) 0);
    if (k == null) {
      throw new FsShieldException(
          Reason.BAD_KEY_FILE,
          file.toString(),
          file
              + ": not a key file: expected "
              + SIZE_BYTES
              + " bytes as base64, as hex, or as they are");
    }
    return new TreeKey(k);
  }

  /** The key in a key file's bytes, or null: base64 or hex text (one line), or the raw bytes. */
  private static byte[] decode(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1).strip();
    if (text.length() == 2 * SIZE_BYTES && text.chars().allMatch(TreeKey::hexDigit)) {
      return HexFormat.of().parseHex(text);
    }
    try {
      byte[] k = Base64.getDecoder().decode(text);
      if (k.length == SIZE_BYTES) {
        return k;
      }
      Arrays.fill(k, (byte) 0);
    } catch (IllegalArgumentException e) {
      // Not base64: perhaps the raw bytes.
    }
    return raw.length == SIZE_BYTES ? raw.clone() : null;
  }

  private static boolean hexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /**
   * Writes this key to a new file readable by its owner only. An existing file is never replaced.
   *
   * @throws FsShieldException {@link Reason#BAD_KEY_FILE} when the file exists or cannot be written
   */
  public void write(Path file) throws FsShieldException {
    byte[] text =
        (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    try (FileChannel ch =
        posix
            ? FileChannel.open(
                file,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(text));
      ch.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new FsShieldException(
          Reason.BAD_KEY_FILE, file.toString(), file + ": exists; a key file is never replaced", e);
    } catch (IOException e) {
      throw new FsShieldException(
          Reason.BAD_KEY_FILE, file.toString(), file + ": cannot write: " + e.getMessage(), e);
    } finally {
      Arrays.fill(text, (byte) 0);
    }
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new FsShieldException(
          Reason.BAD_KEY_FILE, file.toString(), file + ": not a regular file after writing");
    }
  }

  /** The key's bytes (a copy): the one way to read it. */
  public byte[] bytes() {
    return key.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TreeKey t && MessageDigest.isEqual(key, t.key);
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "TreeKey[redacted]";
  }
}
