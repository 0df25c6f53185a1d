package io.coffer.bench.cas;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/** A window that records its calls, each with a count read at that moment. */
final class RecordingWindow implements MeasuredWindow {

  final List<String> events = new CopyOnWriteArrayList<>();
  private final LongSupplier count;

  RecordingWindow(LongSupplier count) {
    this.count = count;
  }

  @Override
  public void opened() {
    events.add("opened at " + count.getAsLong());
  }

  @Override
  public void closed() {
    events.add("closed at " + count.getAsLong());
  }

  long countAt(int event) {
    String e = events.get(event);
    return Long.parseLong(e.substring(e.lastIndexOf(' ') + 1));
  }
}
