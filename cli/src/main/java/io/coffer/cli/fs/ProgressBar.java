package io.coffer.cli.fs;

import io.coffer.fsshield.Progress;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-line progress bar on standard error, redrawn at most ten times a second, shown only when
 * standard error is a terminal and the tree holds more than {@value #MIN_BYTES} bytes.
 */
final class ProgressBar implements Progress {
  static final long MIN_BYTES = 4L << 20;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter err;
  private final String verb;
  private long total;
  private long done;
  private long started;
  private long drawn;
  private boolean showing;

  private ProgressBar(PrintWriter err, String verb) {
    this.err = err;
    this.verb = verb;
  }

  /** A bar when standard error is a terminal, else nothing. */
  static Progress on(PrintWriter err, String verb) {
    return stderrIsTerminal() ? new ProgressBar(err, verb) : Progress.none();
  }

  /** Whether this process's standard error is a terminal (Linux: what fd 2 points to). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  @Override
  public void start(long totalBytes, long files) {
    total = totalBytes;
    started = System.nanoTime();
    showing = totalBytes > MIN_BYTES;
  }

  @Override
  public void advance(long bytes) {
    done += bytes;
    if (!showing) {
      return;
    }
    long now = System.nanoTime();
    if (now - drawn < REDRAW_NANOS && done < total) {
      return;
    }
    drawn = now;
    int filled = (int) (WIDTH * done / Math.max(1, total));
    double seconds = Math.max(1e-3, (now - started) / 1e9);
    err.printf(
        "\r%s %3d%% [%s%s] %s / %s  %s/s ",
        verb,
        100 * done / Math.max(1, total),
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        size(done),
        size(total),
        size((long) (done / seconds)));
    if (done >= total) {
      err.println();
    }
    err.flush();
  }

  static String size(long bytes) {
    if (bytes < 1 << 20) {
      return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    if (bytes < 1L << 30) {
      return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
    return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
  }
}
