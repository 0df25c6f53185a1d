package io.coffer.fsshield;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * The read-only plaintext channel of a protected file: its position, its size (the manifest's) and
 * its closing, which closes the stored object. How segments are read and authenticated is the
 * subclass's.
 */
abstract class PlaintextChannel implements SeekableByteChannel {
  private final SeekableByteChannel object;

  /** The plaintext size, from the manifest. */
  final long size;

  /** Where the next read starts. */
  long position;

  private boolean open = true;

  PlaintextChannel(SeekableByteChannel object, long size) {
    this.object = object;
    this.size = size;
  }

  @Override
  public final int write(ByteBuffer src) {
    throw new NonWritableChannelException();
  }

  @Override
  public final long position() throws IOException {
    ensureOpen();
    return position;
  }

  @Override
  public final SeekableByteChannel position(long newPosition) throws IOException {
    ensureOpen();
    if (newPosition < 0) {
      throw new IllegalArgumentException("a position is not negative");
    }
    position = newPosition;
    return this;
  }

  @Override
  public final long size() throws IOException {
    ensureOpen();
    return size;
  }

  @Override
  public final SeekableByteChannel truncate(long newSize) {
    throw new NonWritableChannelException();
  }

  @Override
  public final boolean isOpen() {
    return open;
  }

  @Override
  public final void close() throws IOException {
    open = false;
    object.close();
  }

  final void ensureOpen() throws ClosedChannelException {
    if (!open) {
      throw new ClosedChannelException();
    }
  }
}
