package io.coffer.fsshield;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.security.MessageDigest;

/**
 * The plaintext channel of a file in authenticated mode: reads the whole segment under the
 * position, checks its digest against the manifest's, and only then copies from it. The last
 * segment checked is kept, so sequential small reads hash each segment once.
 */
final class AuthenticatedChannel implements SeekableByteChannel {
  private final Manifest.RegularFile file;
  private final SeekableByteChannel object;
  private final int segmentSizeBytes;
  private final MessageDigest sha256 = DigestingChannel.sha256();
  private final ByteBuffer segment;
  private long segmentIndex = -1;
  private long position;
  private boolean open = true;

  AuthenticatedChannel(
      Manifest.RegularFile file, SeekableByteChannel object, int segmentSizeBytes) {
    this.file = file;
    this.object = object;
    this.segmentSizeBytes = segmentSizeBytes;
    this.segment = ByteBuffer.allocate(segmentSizeBytes);
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= file.size()) {
      return -1;
    }
    int copied = 0;
    while (dst.hasRemaining() && position < file.size()) {
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
    int length = (int) Math.min(segmentSizeBytes, file.size() - start);
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

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("a position is not negative");
    }
    position = newPosition;
    return this;
  }

  @Override
  public long size() throws IOException {
    ensureOpen();
    return file.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() throws IOException {
    open = false;
    object.close();
  }

  private void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
