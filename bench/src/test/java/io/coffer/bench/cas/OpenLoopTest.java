package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

  @Test
  void run_sendsTheRequestsDue_andCountsOnlyThoseAnsweredInTheMeasuredPeriod() throws Exception {
    FakeOperation a = new FakeOperation(0);
    FakeOperation b = new FakeOperation(0);

    // 1,000/s: 200 requests are due in the measured 200 ms.
    Measurement m =
        OpenLoop.run(
            List.of(a, b), 1_000, Duration.ZERO, Duration.ofMillis(200), MeasuredWindow.IGNORED);

    assertThat(a.calls.get() + b.calls.get() + m.unsent()).isEqualTo(200);
    assertThat(m.counts().ok()).isBetween(100L, 200L);
    assertThat(m.counts().errorCount()).isZero();
    assertThat(m.offered()).hasValue(1_000);
  }

  @Test
  void warmup_isAClosedLoop_thatLeavesNoBacklogToTheSchedule() throws Exception {
    long coldUntil = System.nanoTime() + Duration.ofMillis(300).toNanos();
    ClientOperation startingUp =
        new ClientOperation() {
          @Override
          public void call() throws OperationException {
            if (System.nanoTime() - coldUntil < 0) {
              sleep(100);
            }
          }

          @Override
          public void between(boolean lastSucceeded) {}
        };

    // Cold for the 300 ms warm-up (100 ms a call), then at once. Had the 30 requests due in the
    // warm-up at 100/s been on the schedule, the backlog left (about 27) would be sent, answered
    // and counted in the measured 100 ms. The schedule starts after the warm-up: 10 are due.
    Measurement m =
        OpenLoop.run(
            List.of(startingUp),
            100,
            Duration.ofMillis(300),
            Duration.ofMillis(100),
            MeasuredWindow.IGNORED);

    assertThat(m.unsent()).isZero();
    assertThat(m.counts().latency().count()).isBetween(1L, 10L);
  }

  private static void sleep(long millis) throws OperationException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OperationException("interrupted", "interrupted");
    }
  }

  @Test
  void run_failures_areCountedByKind_andReportedToTheOperation() throws Exception {
    FakeOperation a = new FakeOperation(4);

    Measurement m =
        OpenLoop.run(
            List.of(a), 500, Duration.ZERO, Duration.ofMillis(200), MeasuredWindow.IGNORED);

    assertThat(a.calls.get() + m.unsent()).isEqualTo(100);
    assertThat(a.failedBetweens.get()).isEqualTo(a.calls.get() / 4);
    assertThat(m.counts().errors()).containsOnlyKeys("not-activated");
    assertThat(m.counts().ok() + m.counts().errorCount()).isEqualTo(m.counts().latency().count());
  }

  @Test
  void run_aServerThatCannotKeepUp_leavesABacklog() throws Exception {
    ClientOperation slow =
        new ClientOperation() {
          @Override
          public void call() throws OperationException {
            try {
              Thread.sleep(30);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new OperationException("interrupted", "interrupted");
            }
          }

          @Override
          public void between(boolean lastSucceeded) {}
        };

    // 100/s for 300 ms is 30 requests; one worker at 30 ms each sends at most 10 of them.
    Measurement m =
        OpenLoop.run(
            List.of(slow), 100, Duration.ZERO, Duration.ofMillis(300), MeasuredWindow.IGNORED);

    assertThat(m.unsent()).isGreaterThanOrEqualTo(20);
    assertThat(m.counts().ok()).isLessThanOrEqualTo(10);
  }

  @Test
  void run_opensTheWindowAfterTheWarmup_andClosesItWhenSendingStops() throws Exception {
    FakeOperation a = new FakeOperation(0);
    RecordingWindow window = new RecordingWindow(a.calls::get);

    // The warm-up calls back to back; then 1,000/s: 100 requests in the measured 100 ms.
    OpenLoop.run(List.of(a), 1_000, Duration.ofMillis(50), Duration.ofMillis(100), window);

    assertThat(window.events).hasSize(2);
    assertThat(window.events.get(0)).startsWith("opened");
    assertThat(window.events.get(1)).startsWith("closed");
    assertThat(window.countAt(0)).isGreaterThan(0);
    assertThat(window.countAt(1) - window.countAt(0)).isBetween(0L, 101L);
  }
}
