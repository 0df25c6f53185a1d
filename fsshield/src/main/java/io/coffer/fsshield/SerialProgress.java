package io.coffer.fsshield;

/** A progress told one call at a time, although the files are worked on several threads. */
final class SerialProgress implements Progress {
  private final Progress progress;

  private SerialProgress(Progress progress) {
    this.progress = progress;
  }

  static Progress of(Progress progress) {
    return new SerialProgress(progress);
  }

  @Override
  public synchronized void start(long totalBytes, long files) {
    progress.start(totalBytes, files);
  }

  @Override
  public synchronized void advance(long bytes) {
    progress.advance(bytes);
  }
}
