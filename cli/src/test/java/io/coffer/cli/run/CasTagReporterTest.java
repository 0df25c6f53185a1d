package io.coffer.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cli.command.CommandException;
import io.coffer.fsshield.Tag;
import io.coffer.runtime.VolumeReportException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reporter's connection to the CAS: made at the first report only, and a connection that cannot
 * be made fails the report instead of escaping it. Reports that reach a CAS are in {@link
 * RunCommandTest}.
 */
class CasTagReporterTest {

  private static final Tag NEXT = Tag.parse("ab".repeat(32));

  @Test
  void construct_withoutReport_neverConnects() {
    AtomicInteger connections = new AtomicInteger();
    new CasTagReporter(
        () -> {
          connections.incrementAndGet();
          throw CommandException.unavailable("not reachable");
        },
        "apps/web");

    assertThat(connections).hasValue(0);
  }

  @Test
  void report_connectionCannotBeMade_failsWithoutStaleTag() {
    AtomicInteger connections = new AtomicInteger();
    CasTagReporter reporter =
        new CasTagReporter(
            () -> {
              connections.incrementAndGet();
              throw CommandException.badInput("cannot make a TLS client", null);
            },
            "apps/web");

    assertThatThrownBy(() -> reporter.report("data", Optional.empty(), NEXT))
        .isInstanceOfSatisfying(
            VolumeReportException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(VolumeReportException.Reason.FAILED);
              assertThat(e.getMessage()).contains("cannot make a TLS client");
            });
    assertThat(connections).hasValue(1);
  }

  @Test
  void report_afterAFailedConnection_triesAgain() {
    AtomicInteger connections = new AtomicInteger();
    CasTagReporter reporter =
        new CasTagReporter(
            () -> {
              connections.incrementAndGet();
              throw CommandException.unavailable("not reachable");
            },
            "apps/web");

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> reporter.report("data", Optional.empty(), NEXT))
          .isInstanceOf(VolumeReportException.class);
    }
    assertThat(connections).hasValue(2);
  }
}
