package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.CasClientException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkerStatsTest {

  private static CasClientException problem(String slug) {
    return new CasClientException(slug, 409, "detail of " + slug, Optional.empty(), null);
  }

  @Test
  void merge_countsSuccessesAndErrorsByKind_acrossWorkers() {
    WorkerStats a = new WorkerStats();
    WorkerStats b = new WorkerStats();
    a.succeeded(10);
    a.failed(20, problem("stale-predecessor"));
    b.failed(30, new OperationException("not-activated", "OPEN"));
    b.failed(40, problem("stale-predecessor"));
    b.error(new IllegalStateException("boom"));
    b.succeeded(50);

    WorkerStats.Merged m = WorkerStats.merge(List.of(a, b));

    assertThat(m.ok()).isEqualTo(2);
    assertThat(m.errors())
        .containsExactly(
            Map.entry("IllegalStateException", 1L),
            Map.entry("not-activated", 1L),
            Map.entry("stale-predecessor", 2L));
    assertThat(m.errorCount()).isEqualTo(4);
    assertThat(m.latency().count()).isEqualTo(5);
    assertThat(m.firstError()).hasValue("stale-predecessor: detail of stale-predecessor");
  }

  @Test
  void merge_noErrors_hasNoFirstError() {
    WorkerStats a = new WorkerStats();
    a.succeeded(1);

    WorkerStats.Merged m = WorkerStats.merge(List.of(a));

    assertThat(m.errors()).isEmpty();
    assertThat(m.firstError()).isEmpty();
  }
}
