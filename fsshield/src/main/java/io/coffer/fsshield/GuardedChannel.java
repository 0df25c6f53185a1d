package io.coffer.fsshield;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * A stored object's channel that remembers whether it failed itself, so that a failure of the
 * decryption above it (the data does not authenticate) is told apart from a failure of the disk. It
 * also hashes what is read in order, when asked to.
 */
final class GuardedChannel implements SeekableByteChannel {
  private final SeekableByteChannel in;
  private IOException failure;

  GuardedChannel(SeekableByteChannel in) {
    this.in = in;
  }

  /** The disk's own failure, if there was one. */
  IOException failure() {
    return failure;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    try {
      return in.read(dst);
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public int write(ByteBuffer src) {
    throw new java.nio.channels.NonWritableChannelException();
  }

  @Override
  public long position() throws IOException {
    return in.position();
  }

  @Override
  public SeekableByteChannel position(long newPosition) throws IOException {
    try {
      in.position(newPosition);
      return this;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  @Override
  public long size() throws IOException {
    return in.size();
  }

  @Override
  public SeekableByteChannel truncate(long size) {
    throw new java.nio.channels.NonWritableChannelException();
  }

  @Override
  public boolean isOpen() {
    return in.isOpen();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
