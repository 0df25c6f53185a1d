package io.coffer.fsshield;

import io.coffer.fsshield.FsShieldException.Reason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The read-only plaintext channel of a protected file: a failure that is not the disk's is a
 * segment that did not authenticate, and becomes a {@link TamperedFileException}.
 */
final class ShieldedChannel implements SeekableByteChannel {
  private final SeekableByteChannel plaintext;
  private final GuardedChannel object;
  private final String path;

  ShieldedChannel(SeekableByteChannel plaintext, GuardedChannel object, String path) {
    this.plaintext = plaintext;
    this.object = object;
    this.path = path;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    try {
      return plaintext.read(dst);
    } catch (TamperedFileException e) {
      throw e;
    } catch (IOException e) {
      if (object.failure() != null || !plaintext.isOpen()) {
        throw e;
      }
      throw new TamperedFileException(
          new FsShieldException(
              Reason.FILE_MODIFIED,
              path,
              path + ": a segment does not authenticate: changed, swapped or from another tree",
              e));
    }
  }

  @Override
  public int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    return plaintext.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    plaintext.position(newPosition);
    return this;
  }

  @Override
  public long size() throws IOException {
    return plaintext.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return plaintext.isOpen();
  }

  @Override
  public void close() throws IOException {
    try {
      plaintext.close();
    } finally {
      object.close();
    }
  }
}
