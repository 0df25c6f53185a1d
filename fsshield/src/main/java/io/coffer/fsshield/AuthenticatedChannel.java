package io.coffer.fsshield;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;

/**
 * The plaintext channel of a file in authenticated mode: reads the whole segment under the
 * position, checks its digest against the manifest's, and only then copies from it. The last
 * segment checked is kept, so sequential small reads hash each segment once.
 */
final class AuthenticatedChannel extends PlaintextChannel {
  private final Manifest.RegularFile file;
  private final SeekableByteChannel object;
  private final int segmentSizeBytes;
  private final MessageDigest sha256 = DigestingChannel.sha256();
  private final ByteBuffer segment;
  private long segmentIndex = -1;

  AuthenticatedChannel(
      Manifest.RegularFile file, SeekableByteChannel object, int segmentSizeBytes) {
    super(object, file.size());
    this.file = file;
    this.object = object;
    this.segmentSizeBytes = segmentSizeBytes;
    this.segment = ByteBuffer.allocate(segmentSizeBytes);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    int copied = 0;
    while (dst.hasRemaining() && position < size) {
      long index = position / segmentSizeBytes;
      if (index != segmentIndex) {
        load(index);
      }
      int offset = (int) (position - index * segmentSizeBytes);
      int n = Math.min(dst.remaining(), segment.limit() - offset);
      dst.put(segment.array(), offset, n);
      position += n;
      copied += n;
    }
    return copied;
  }

  private void load(long index) throws IOException {
    segmentIndex = -1;
    segment.clear();
    long start = index * segmentSizeBytes;
    int length = (int) Math.min(segmentSizeBytes, size - start);
    segment.limit(length);
    object.position(start);
    while (segment.hasRemaining()) {
      if (object.read(segment) < 0) {
        throw new TamperedFileException(AuthenticatedFiles.modified(file, index));
      }
    }
    segment.flip();
    sha256.update(segment.array(), 0, length);
    if (!MessageDigest.isEqual(sha256.digest(), file.segmentDigests().get((int) index))) {
      throw new TamperedFileException(AuthenticatedFiles.modified(file, index));
    }
    segmentIndex = index;
  }
}
