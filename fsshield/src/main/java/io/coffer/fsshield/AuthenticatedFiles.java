package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Authenticated mode: each file stored as it is; the manifest, itself authenticated, holds the
 * SHA-256 of every segment, so each segment is checked before any of its bytes is used.
 */
final class AuthenticatedFiles implements FileProtection {
  private final int segmentSizeBytes;

  AuthenticatedFiles(int segmentSizeBytes) {
    this.segmentSizeBytes = segmentSizeBytes;
  }

  /** Segments of a file: none for an empty one. */
  static long segmentCount(long size, int segmentSizeBytes) {
    return (size + segmentSizeBytes - 1) / segmentSizeBytes;
  }

  @Override
  public long storedSize(long plaintextSize) {
    return plaintextSize;
  }

  @Override
  public Stored store(
      FileChannel source, long size, WritableByteChannel out, FileId id, String path)
      throws IOException, FsShieldException {
    if (segmentCount(size, segmentSizeBytes) > ManifestJson.MAX_ENTRIES) {
      throw new FsShieldException(
          Reason.UNSUPPORTED_FILE, path, path + ": too large for authenticated mode");
    }
    MessageDigest whole = DigestingChannel.sha256();
    MessageDigest part = DigestingChannel.sha256();
    List<byte[]> segments = new ArrayList<>();
    ByteBuffer buf = ByteBuffer.allocate(segmentSizeBytes);
    long total = 0;
    while (true) {
      int n = readSegment(source, buf);
      if (n == 0) {
        break;
      }
      total += n;
      if (total > size) {
        throw SourceChange.of(path, size);
      }
      buf.flip();
      whole.update(buf.duplicate());
      part.update(buf.duplicate());
      segments.add(part.digest());
      while (buf.hasRemaining()) {
        out.write(buf);
      }
      buf.clear();
    }
    if (total != size) {
      throw SourceChange.of(path, size);
    }
    return new Stored(whole.digest(), segments);
  }

  /** Fills the buffer, or reads to the end; returns the bytes read. */
  private static int readSegment(SeekableByteChannel in, ByteBuffer buf) throws IOException {
    int n = 0;
    while (buf.hasRemaining()) {
      int r = in.read(buf);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  @Override
  public void restore(Manifest.RegularFile file, FileChannel object, WritableByteChannel out)
      throws IOException, FsShieldException {
    MessageDigest part = DigestingChannel.sha256();
    ByteBuffer buf = ByteBuffer.allocate(segmentSizeBytes);
    List<byte[]> expected = file.segmentDigests();
    long total = 0;
    for (int i = 0; i < expected.size(); i++) {
      buf.clear();
      int n = readSegment(object, buf);
      total += n;
      buf.flip();
      part.update(buf.duplicate());
      if (!MessageDigest.isEqual(part.digest(), expected.get(i))) {
        throw modified(file, i);
      }
      while (buf.hasRemaining()) {
        out.write(buf);
      }
    }
    if (total != file.size()) {
      throw new FsShieldException(
          Reason.FILE_MODIFIED, file.path(), file.path() + ": its size is not the manifest's");
    }
  }

  @Override
  public SeekableByteChannel channel(Manifest.RegularFile file, FileChannel object) {
    return new AuthenticatedChannel(file, object, segmentSizeBytes);
  }

  static FsShieldException modified(Manifest.RegularFile file, long segment) {
    return new FsShieldException(
        Reason.FILE_MODIFIED,
        file.path(),
        file.path() + ": segment " + segment + " does not match the manifest: changed or swapped");
  }
}
