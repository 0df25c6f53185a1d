package io.coffer.fsshield;

/**
 * Told how far sealing, verifying or unsealing has come, for a progress bar. Called one call at a
 * time (sealing works on several threads, and serialises its calls); must be quick and must not
 * throw.
 */
public interface Progress {
  /** The work to do: plaintext bytes and files. Called once, before any {@link #advance}. */
  void start(long totalBytes, long files);

  /** One more file done, of this many plaintext bytes. */
  void advance(long bytes);

  /** A progress that shows nothing. */
  static Progress none() {
    return new Progress() {
      @Override
      public void start(long totalBytes, long files) {}

      @Override
      public void advance(long bytes) {}
    };
  }
}
