package io.coffer.bench.cas;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency one worker measured, in nanoseconds, kept whole so that percentiles are exact (a
 * sorted array: fine for the few million samples of a run). Past {@link #MAX_SAMPLES} a recorder
 * counts further samples as dropped rather than grow without bound.
 *
 * <p>Not for concurrent use: one recorder per worker, {@link #summarise merged} after the run.
 */
final class LatencyRecorder {

  /** The most samples one recorder keeps (128 MiB of longs). */
  static final int MAX_SAMPLES = 16 * 1024 * 1024;

  private long[] samples = new long[1024];
  private int size;
  private long dropped;

  /** Records one latency. */
  void record(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("a negative latency: " + nanos);
    }
    if (size == samples.length) {
      if (size == MAX_SAMPLES) {
        dropped++;
        return;
      }
      samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES, size * 2));
    }
    samples[size++] = nanos;
  }

  int size() {
    return size;
  }

  long dropped() {
    return dropped;
  }

  /** The percentiles of every sample of {@code recorders}. */
  static LatencySummary summarise(List<LatencyRecorder> recorders) {
    long total = 0;
    long dropped = 0;
    for (LatencyRecorder r : recorders) {
      total += r.size;
      dropped += r.dropped;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many samples to merge: " + total);
    }
    long[] all = new long[(int) total];
    int at = 0;
    for (LatencyRecorder r : recorders) {
      System.arraycopy(r.samples, 0, all, at, r.size);
      at += r.size;
    }
    Arrays.sort(all);
    return LatencySummary.ofSorted(all, dropped);
  }
}
