package io.coffer.cas.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointSealerTest {

  @TempDir Path tmp;

  private CasDataDir cas;

  @BeforeEach
  void create() throws Exception {
    cas = CasDataDir.create(tmp.resolve("data")).open();
  }

  @AfterEach
  void close() throws Exception {
    cas.close();
  }

  @Test
  void committed_sealsASignedCheckpointOfTheHead_andRecordsItInTheLog() throws Exception {
    cas.commit("a", 7);

    assertThat(cas.file().read().orElseThrow().treeHead()).isEqualTo(cas.ledger.head());
    assertThat(cas.ledger.latestCheckpoint().orElseThrow().size()).isEqualTo(7);
  }

  @Test
  void committed_withoutNewEntries_doesNotRewriteTheFile() throws Exception {
    cas.commit("a", 7);
    Files.delete(cas.file().path());

    cas.sealer.committed(cas.ledger.head());

    assertThat(cas.file().path()).doesNotExist();
  }

  @Test
  void committed_withABatchBeyondTheLogsHead_failsAndSealsNothing() {
    TreeHead ahead = new TreeHead(5, TreeHasher.emptyRoot());

    assertThatThrownBy(() -> cas.sealer.committed(ahead))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("behind the committed batch (size 5)");
    assertThat(cas.file().path()).doesNotExist();
  }
}
