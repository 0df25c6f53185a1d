package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.server.StoreKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The CAS in a child JVM, on SQLite: it serves the harness, and closing leaves nothing behind. */
class ChildProcessCasTest {

  @Test
  void start_servesInAChildJvm_andCloseStopsIt() throws Exception {
    Stakeholders stakeholders = Stakeholders.generate(1, 1);
    ProcessHandle child;
    Path runDirectory;
    try (ChildProcessCas cas =
        ChildProcessCas.start(StoreKind.SQLITE, false, EvidenceKind.SIMULATION)) {
      child = cas.process().orElseThrow();
      assertThat(child.parent().map(ProcessHandle::pid)).hasValue(ProcessHandle.current().pid());
      runDirectory = cas.directory();
      assertThat(runDirectory.resolve("cas").resolve("data")).isDirectory();
      assertThat(runDirectory.resolve("cas.log")).isRegularFile();
      assertThat(cas.platformKey()).isRegularFile();
      CasClient client = cas.client(stakeholders.forClient(0));

      assertThat(cas.ledgerSize(client)).isEqualTo(1); // cas.started
    }

    assertThat(child.isAlive()).isFalse();
    assertThat(runDirectory).doesNotExist();
  }
}
