package io.coffer.bench.cas;

import java.time.Duration;

/**
 * Told by a load driver when its measured period begins and ends (after the warm-up, and when
 * sending stops), from the driver's own thread, once each and in that order.
 */
interface MeasuredWindow {

  /** A window that does nothing. */
  MeasuredWindow IGNORED =
      new MeasuredWindow() {
        @Override
        public void opened() {}

        @Override
        public void closed() {}
      };

  /** The measured period begins. */
  void opened();

  /** The measured period ends. */
  void closed();

  /**
   * Sleeps until {@link System#nanoTime} reaches {@code from}, calls {@link #opened}, sleeps until
   * it reaches {@code to}, and calls {@link #closed}.
   */
  default void follow(long from, long to) throws InterruptedException {
    sleepUntil(from);
    opened();
    sleepUntil(to);
    closed();
  }

  private static void sleepUntil(long t) throws InterruptedException {
    for (long left = t - System.nanoTime(); left > 0; left = t - System.nanoTime()) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }
}
