package io.coffer.fsshield;

import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.StreamSegmentDecrypter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.GeneralSecurityException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The plaintext channel of an encrypted file: Tink's AES-GCM-HKDF streaming ciphertext read segment
 * by segment with Tink's own segment decrypter, so that only the segments under the position are
 * read and authenticated, and no byte of a segment is returned before the whole segment
 * authenticated. A segment that fails is a {@link TamperedFileException}.
 *
 * <p>Segments that fit whole in the caller's buffer are decrypted straight into it; a read of at
 * least {@value #PARALLEL_MIN_SEGMENTS} such segments splits them with one thread of a shared pool
 * (one fewer than the processors), each with its own decrypter. Everything else goes through one
 * cached segment. Each segment's ciphertext is read with a positional read into a heap buffer: the
 * JCA's AES-GCM is two to three times faster from and to heap buffers than from a direct or mapped
 * one (see docs/benchmarks.md, "File-system shield").
 *
 * <p>For one thread at a time, as every channel.
 */
final class DecryptingChannel extends PlaintextChannel {
  static final int PARALLEL_MIN_SEGMENTS = 4;
  private static final int TAG_BYTES = 16;
  private static final ExecutorService HELPERS = helpers();

  private final AesGcmHkdfStreaming streaming;
  private final FileChannel object;
  private final byte[] header;
  private final byte[] associatedData;
  private final String path;
  private final long ciphertextSize;
  private final int ciphertextSegment;
  private final int plaintextSegment;
  private final int headerLength;
  private final long segments;
  private final Worker own;
  private Worker helper;
  private final byte[] cache;
  private long cachedIndex = -1;

  private DecryptingChannel(
      AesGcmHkdfStreaming streaming,
      FileChannel object,
      long size,
      long ciphertextSize,
      byte[] header,
      byte[] associatedData,
      String path)
      throws TamperedFileException {
    super(object, size);
    this.streaming = streaming;
    this.object = object;
    this.ciphertextSize = ciphertextSize;
    this.header = header;
    this.associatedData = associatedData;
    this.path = path;
    this.ciphertextSegment = streaming.getCiphertextSegmentSize();
    this.plaintextSegment = streaming.getPlaintextSegmentSize();
    this.headerLength = streaming.getHeaderLength();
    this.segments = (ciphertextSize + ciphertextSegment - 1) / ciphertextSegment;
    this.own = new Worker();
    this.cache = new byte[plaintextSegment];
  }

  /**
   * Opens the channel over a stored object whose size was checked against the manifest.
   *
   * @throws TamperedFileException when its header is not readable as Tink's
   */
  static DecryptingChannel open(
      AesGcmHkdfStreaming streaming,
      FileChannel object,
      long plaintextSize,
      byte[] associatedData,
      String path)
      throws IOException {
    long ciphertextSize = object.size();
    int headerLength = streaming.getHeaderLength();
    if (ciphertextSize < headerLength + TAG_BYTES) {
      throw tampered(path, "shorter than its header", null);
    }
    ByteBuffer h = ByteBuffer.allocate(headerLength);
    while (h.hasRemaining()) {
      if (object.read(h, h.position()) < 0) {
        throw tampered(path, "shorter than its header", null);
      }
    }
    return new DecryptingChannel(
        streaming, object, plaintextSize, ciphertextSize, h.array(), associatedData, path);
  }

  /** One thread's decrypter and ciphertext buffer. */
  private final class Worker {
    private final StreamSegmentDecrypter decrypter;
    private final byte[] ciphertext = new byte[ciphertextSegment];

    Worker() throws TamperedFileException {
      try {
        decrypter = streaming.newStreamSegmentDecrypter();
        decrypter.init(ByteBuffer.wrap(header), associatedData);
      } catch (GeneralSecurityException e) {
        throw tampered(path, "its header is not valid", e);
      }
    }

    /** Decrypts segment {@code i} into {@code out}, which has room for it. */
    void decrypt(long i, ByteBuffer out) throws IOException {
      long start = i == 0 ? headerLength : i * ciphertextSegment;
      int length = (int) (Math.min((i + 1) * ciphertextSegment, ciphertextSize) - start);
      ByteBuffer in = ByteBuffer.wrap(ciphertext, 0, length);
      while (in.hasRemaining()) {
        if (object.read(in, start + in.position()) < 0) {
          throw tampered(path, "it became shorter while it was read", null);
        }
      }
      in.flip();
      try {
        decrypter.decryptSegment(in, (int) i, i == segments - 1, out);
      } catch (GeneralSecurityException e) {
        throw tampered(
            path,
            "segment " + i + " does not authenticate: changed, swapped or from another tree",
            e);
      }
    }

    /** Decrypts segments {@code first} to {@code last} into {@code out}. */
    void decrypt(long first, long last, ByteBuffer out) throws IOException {
      for (long i = first; i <= last; i++) {
        decrypt(i, out);
      }
    }
  }

  private long plaintextStart(long i) {
    return i == 0 ? 0 : i * plaintextSegment - headerLength;
  }

  private int plaintextLength(long i) {
    long start = i == 0 ? headerLength : i * ciphertextSegment;
    return (int) (Math.min((i + 1) * ciphertextSegment, ciphertextSize) - start) - TAG_BYTES;
  }

  @Override
  public int read(ByteBuffer dst) throws IOException {
    ensureOpen();
    if (position >= size) {
      return -1;
    }
    int copied = 0;
    while (dst.hasRemaining() && position < size) {
      long i = (position + headerLength) / plaintextSegment;
      int offset = (int) (position - plaintextStart(i));
      int length = plaintextLength(i);
      int n;
      if (i == cachedIndex) {
        n = Math.min(dst.remaining(), length - offset);
        dst.put(cache, offset, n);
      } else if (offset == 0 && dst.remaining() >= length) {
        long last = i;
        long room = dst.remaining() - length;
        while (last + 1 < segments && room >= plaintextLength(last + 1)) {
          last++;
          room -= plaintextLength(last);
        }
        int before = dst.position();
        decryptRun(i, last, dst);
        n = dst.position() - before;
      } else {
        cachedIndex = -1;
        own.decrypt(i, ByteBuffer.wrap(cache));
        cachedIndex = i;
        n = Math.min(dst.remaining(), length - offset);
        dst.put(cache, offset, n);
      }
      position += n;
      copied += n;
    }
    return copied;
  }

  private void decryptRun(long first, long last, ByteBuffer dst) throws IOException {
    long count = last - first + 1;
    if (count < PARALLEL_MIN_SEGMENTS || HELPERS == null) {
      own.decrypt(first, last, dst);
      return;
    }
    long middle = first + count / 2;
    int firstHalf = 0;
    for (long i = first; i < middle; i++) {
      firstHalf += plaintextLength(i);
    }
    if (helper == null) {
      helper = new Worker();
    }
    ByteBuffer second = dst.duplicate();
    second.position(dst.position() + firstHalf);
    Worker w = helper;
    Future<?> done =
        HELPERS.submit(() -> {
          w.decrypt(middle, last, second);
          return null;
        });
    try {
      own.decrypt(first, middle - 1, dst);
    } finally {
      join(done);
    }
    dst.position(second.position());
  }

  private static void join(Future<?> done) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          done.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IllegalStateException("a segment could not be decrypted", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static TamperedFileException tampered(String path, String why, Exception cause) {
    return new TamperedFileException(
        new FsShieldException(
            FsShieldException.Reason.FILE_MODIFIED, path, path + ": " + why, cause));
  }

  private static ExecutorService helpers() {
    int n = Runtime.getRuntime().availableProcessors() - 1;
    if (n < 1) {
      return null;
    }
    return Executors.newFixedThreadPool(
        n,
        r -> {
          Thread t = new Thread(r, "coffer-fsshield-decrypt");
          t.setDaemon(true);
          return t;
        });
  }
}
