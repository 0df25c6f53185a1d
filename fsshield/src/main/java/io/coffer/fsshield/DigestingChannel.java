package io.coffer.fsshield;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Writes through to a channel and hashes (SHA-256) every byte written. Closing it closes nothing.
 */
final class DigestingChannel implements WritableByteChannel {
  private final WritableByteChannel out;
  private final MessageDigest sha256;
  private boolean open = true;

  DigestingChannel(WritableByteChannel out) {
    this.out = out;
    this.sha256 = sha256();
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  @Override
  public int write(ByteBuffer src) throws IOException {
    ByteBuffer view = src.duplicate();
    int n = 0;
    while (src.hasRemaining()) {
      n += out.write(src);
    }
    view.limit(view.position() + n);
    sha256.update(view);
    return n;
  }

  /** The digest of everything written. */
  byte[] digest() {
    return sha256.digest();
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
  }
}
