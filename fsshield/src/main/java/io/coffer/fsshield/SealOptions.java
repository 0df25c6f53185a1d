package io.coffer.fsshield;

import java.util.Objects;

/**
 * How to seal a tree.
 *
 * @param mode encrypted or authenticated
 * @param segmentSizeBytes the segment size, 4096 bytes to 8 MiB; {@link #DEFAULT_SEGMENT_BYTES}
 *     unless measured otherwise
 * @param durable whether every stored file, the manifest and the directories are flushed to the
 *     disk before the tree is moved into place (so that a crash leaves either no tree or a whole
 *     one)
 * @param progress told as files are sealed
 */
public record SealOptions(Mode mode, int segmentSizeBytes, boolean durable, Progress progress) {

  /** The default segment size: 64 KiB (see docs/benchmarks.md, "File-system shield"). */
  public static final int DEFAULT_SEGMENT_BYTES = 64 << 10;

  public SealOptions {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(progress, "progress");
    if (segmentSizeBytes < Manifest.MIN_SEGMENT_BYTES
        || segmentSizeBytes > Manifest.MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "the segment size must be between "
              + Manifest.MIN_SEGMENT_BYTES
              + " and "
              + Manifest.MAX_SEGMENT_BYTES
              + " bytes");
    }
  }

  /** Encrypted, the default segment size, durable, no progress. */
  public static SealOptions defaults() {
    return new SealOptions(Mode.ENCRYPTED, DEFAULT_SEGMENT_BYTES, true, Progress.none());
  }

  /** The same with another mode. */
  public SealOptions withMode(Mode m) {
    return new SealOptions(m, segmentSizeBytes, durable, progress);
  }

  /** The same with another segment size. */
  public SealOptions withSegmentSize(int bytes) {
    return new SealOptions(mode, bytes, durable, progress);
  }

  /** The same, flushed to the disk or not. */
  public SealOptions withDurable(boolean d) {
    return new SealOptions(mode, segmentSizeBytes, d, progress);
  }

  /** The same with a progress. */
  public SealOptions withProgress(Progress p) {
    return new SealOptions(mode, segmentSizeBytes, durable, p);
  }
}
