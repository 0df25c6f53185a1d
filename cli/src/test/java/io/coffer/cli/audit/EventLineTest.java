package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.events.CasStarted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventLineTest {

  private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void casStarted_showsItsTee_asALine_andAsADocument() {
    EventLine line =
        EventLine.of(0, new CasStarted(T, "simulation", true, "ab".repeat(32), "cd".repeat(32)));

    assertThat(line.type()).isEqualTo("cas.started");
    assertThat(line.line())
        .startsWith("     0  cas.started")
        .contains("2026-03-01T10:00:00Z")
        .contains("tee=simulation")
        .contains("simulated=true");
    assertThat(line.document())
        .containsEntry("index", 0L)
        .containsEntry("type", "cas.started")
        .containsEntry("tee", "simulation");
  }

  @Test
  void line_neverHoldsALineBreak_whateverAMemberHolds() {
    EventLine line =
        new EventLine(
            7,
            "access.denied",
            "2026-03-01T10:00:00Z",
            java.util.Map.of("name", "evil\nforged 8 cas.started"));

    assertThat(line.line()).doesNotContain("\n");
  }
}
