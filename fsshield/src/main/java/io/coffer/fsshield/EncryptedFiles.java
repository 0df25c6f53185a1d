package io.coffer.fsshield;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;

/**
 * Encrypted mode: each file under Tink's AES-256-GCM-HKDF streaming AEAD (HKDF-SHA256, the
 * ciphertext segment size of the tree), with key material derived from the tree key and the file's
 * identity, and the identity and path as associated data. Tink authenticates each segment and marks
 * the last, so a truncated, extended, reordered or swapped ciphertext does not decrypt.
 */
final class EncryptedFiles implements FileProtection {
  static final int COPY_BUFFER_BYTES = 1 << 20;

  private final TreeKey key;
  private final int segmentSizeBytes;
  private final AesGcmHkdfStreaming sizing;

  EncryptedFiles(TreeKey key, int segmentSizeBytes) {
    this.key = key;
    this.segmentSizeBytes = segmentSizeBytes;
    this.sizing = streaming(new byte[32], segmentSizeBytes);
  }

  private static AesGcmHkdfStreaming streaming(byte[] material, int segmentSizeBytes) {
    try {
      return new AesGcmHkdfStreaming(material, "HmacSha256", 32, segmentSizeBytes, 0);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("segment size " + segmentSizeBytes + " is not usable", e);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  private AesGcmHkdfStreaming streaming(FileId id) {
    return streaming(Keys.fileKey(key, id), segmentSizeBytes);
  }

  @Override
  public long storedSize(long plaintextSize) {
    return sizing.expectedCiphertextSize(plaintextSize);
  }

  @Override
  public Stored store(
      FileChannel source, long size, WritableByteChannel out, FileId id, String path)
      throws IOException, FsShieldException {
    DigestingChannel digesting = new DigestingChannel(out);
    ByteBuffer buf = ByteBuffer.allocate((int) Math.min(COPY_BUFFER_BYTES, Math.max(4096, size)));
    long total = 0;
    try (WritableByteChannel enc =
        streaming(id).newEncryptingChannel(digesting, Keys.fileAssociatedData(id, path))) {
      while (source.read(buf) >= 0) {
        buf.flip();
        total += buf.remaining();
        if (total > size) {
          throw SourceChange.of(path, size);
        }
        while (buf.hasRemaining()) {
          enc.write(buf);
        }
        buf.clear();
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM-HKDF streaming is not available", e);
    }
    if (total != size) {
      throw SourceChange.of(path, size);
    }
    return new Stored(digesting.digest(), List.of());
  }

  @Override
  public void restore(Manifest.RegularFile file, FileChannel object, WritableByteChannel out)
      throws IOException, FsShieldException {
    ByteBuffer buf = ByteBuffer.allocate(COPY_BUFFER_BYTES);
    long total = 0;
    try (SeekableByteChannel plaintext = channel(file, object)) {
      while (true) {
        buf.clear();
        if (plaintext.read(buf) < 0) {
          break;
        }
        buf.flip();
        total += buf.remaining();
        while (buf.hasRemaining()) {
          out.write(buf);
        }
      }
    } catch (TamperedFileException e) {
      throw e.refusal();
    }
    if (total != file.size()) {
      throw new FsShieldException(
          Reason.FILE_MODIFIED, file.path(), file.path() + ": decrypts to the wrong size");
    }
  }

  @Override
  public SeekableByteChannel channel(Manifest.RegularFile file, FileChannel object)
      throws IOException {
    return DecryptingChannel.open(
        streaming(file.id()),
        object,
        file.size(),
        Keys.fileAssociatedData(file.id(), file.path()),
        file.path());
  }

  static FsShieldException modified(Manifest.RegularFile file, Exception cause) {
    return new FsShieldException(
        Reason.FILE_MODIFIED,
        file.path(),
        file.path()
            + ": does not authenticate: changed, swapped with another file, or from another tree",
        cause);
  }
}
