package io.coffer.cas.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.rollback.RollbackException.Reason;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.cas.witness.WitnessNode;
import io.coffer.ledger.merkle.TreeHead;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback attacks: a CAS's database or whole data directory restored from a copy, a forked
 * store, a missing checkpoint file, and a witness that is down.
 */
class StartupCheckTest {

  @TempDir Path tmp;

  private CasDataDir cas;
  private WitnessNode witness;

  @BeforeEach
  void create() throws Exception {
    cas = CasDataDir.create(tmp.resolve("data")).open();
  }

  @AfterEach
  void close() throws Exception {
    cas.close();
    if (witness != null) {
      witness.close();
    }
  }

  private WitnessClient witness() throws Exception {
    if (witness == null) {
      witness =
          WitnessNode.start(
              tmp.resolve("witness"),
              Optional.of("witness.example/w1"),
              List.of(cas.key.verifier().vkey()),
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              Optional.empty(),
              Clock.systemUTC());
    }
    // A new client each time: a restarted CAS remembers nothing about its witnesses.
    return WitnessClient.create(witness.url(), witness.verifierKey(), Duration.ofSeconds(5), null);
  }

  private void restart() throws Exception {
    cas.stop();
    cas.open();
  }

  @Test
  void freshStore_isAccepted_andSealedAtItsHead() throws Exception {
    StartupReport report = cas.check(List.of()).run();

    assertThat(report.storeHead().size()).isZero();
    assertThat(report.sealedCheckpoint()).isEmpty();
    assertThat(cas.file().read().orElseThrow().treeHead()).isEqualTo(cas.ledger.head());
  }

  @Test
  void storeThatOnlyGrew_isAccepted_byFileAndWitness() throws Exception {
    cas.check(List.of(witness())).run();
    cas.commit("a", 10).commit("a", 25);
    new WitnessSubmitter(cas.ledger, List.of(witness()), Clock.systemUTC()).submitOnce();
    cas.commit("a", 31);
    restart();

    StartupReport report = cas.check(List.of(witness())).run();

    assertThat(report.storeHead().size()).isEqualTo(31);
    assertThat(report.sealedCheckpoint().map(TreeHead::size)).contains(31L);
    assertThat(report.cosigned())
        .singleElement()
        .satisfies(c -> assertThat(c.treeHead().size()).isEqualTo(31));
  }

  @Test
  void databaseRestoredAlone_isRefusedByTheSealedCheckpoint_namingBothSizes() throws Exception {
    cas.commit("a", 10);
    cas.stop();
    Path backup = tmp.resolve("db-backup");
    cas.copyDatabaseTo(backup);
    cas.open().commit("a", 17).commit("a", 25);
    cas.stop();
    cas.restoreDatabaseFrom(backup);
    cas.open();

    assertThatThrownBy(() -> cas.check(List.of()).run())
        .isInstanceOfSatisfying(
            RollbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLLED_BACK))
        .hasMessageContaining("the store's log has 10 entries")
        .hasMessageContaining("sealed checkpoint file holds a checkpoint of size 25");
  }

  @Test
  void wholeDirectoryRestored_isRefusedByTheWitnessHoldingTheNewerCheckpoint() throws Exception {
    cas.commit("a", 10);
    cas.check(List.of(witness())).run();
    cas.stop();
    Path backup = tmp.resolve("dir-backup");
    cas.copyDirectoryTo(backup);
    cas.open().commit("a", 25);
    new WitnessSubmitter(cas.ledger, List.of(witness()), Clock.systemUTC()).submitOnce();
    cas.stop();
    cas.restoreDirectoryFrom(backup);
    cas.open();

    // The sealed file was restored with the database: on its own, nothing looks wrong.
    assertThat(cas.check(List.of()).run().storeHead().size()).isEqualTo(10);
    assertThatThrownBy(() -> cas.check(List.of(witness())).run())
        .isInstanceOfSatisfying(
            RollbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.ROLLED_BACK))
        .hasMessageContaining("the store's log has 10 entries")
        .hasMessageContaining("cosigned a checkpoint of size 25")
        .hasMessageContaining(witness.url().toString());
  }

  @Test
  void restoredDirectory_thatWentOnWritingAnotherHistory_isRefusedAsForkedByTheWitness()
      throws Exception {
    cas.commit("a", 10);
    cas.check(List.of(witness())).run();
    cas.stop();
    Path backup = tmp.resolve("dir-backup");
    cas.copyDirectoryTo(backup);
    cas.open().commit("a", 25);
    new WitnessSubmitter(cas.ledger, List.of(witness()), Clock.systemUTC()).submitOnce();
    cas.stop();
    cas.restoreDirectoryFrom(backup);
    // The restored CAS ran without the witness and wrote past the witness's size.
    cas.open().commit("b", 40);
    restart();

    assertThatThrownBy(() -> cas.check(List.of(witness())).run())
        .isInstanceOfSatisfying(
            RollbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORKED))
        .hasMessageContaining("log of size 40")
        .hasMessageContaining("altered or forked");
  }

  @Test
  void databaseReplacedByAForkOfTheSameCas_isRefusedByTheSealedCheckpoint() throws Exception {
    cas.commit("a", 10);
    cas.stop();
    try (CasDataDir fork = cas.sameCas(tmp.resolve("fork")).open()) {
      fork.commit("b", 12);
      fork.stop();
      cas.restoreDatabaseFrom(fork.dir);
    }
    cas.open();

    assertThatThrownBy(() -> cas.check(List.of()).run())
        .isInstanceOfSatisfying(
            RollbackException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORKED))
        .hasMessageContaining("log (size 12)")
        .hasMessageContaining("at size 10");
  }

  @Test
  void missingCheckpointFile_withANonEmptyStore_isRefused() throws Exception {
    cas.commit("a", 10);
    Files.delete(cas.file().path());
    restart();

    assertThatThrownBy(() -> cas.check(List.of()).run())
        .isInstanceOfSatisfying(
            RollbackException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CHECKPOINT_FILE_INVALID))
        .hasMessageContaining("is missing, but the store's log has 10 entries");
  }

  @Test
  void unreachableWitness_blocksTheStartByDefault_unlessToleratedExplicitly() throws Exception {
    cas.commit("a", 10);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    WitnessClient up = witness();
    WitnessClient down =
        WitnessClient.create(
            URI.create("http://127.0.0.1:" + port), up.witnessKey(), Duration.ofSeconds(5), null);

    assertThatThrownBy(() -> cas.check(List.of(down, witness())).run())
        .isInstanceOfSatisfying(
            RollbackException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WITNESS_UNREACHABLE))
        .hasMessageContaining("1 of 2 witnesses cosigned the store's log of size 10, 2 required")
        .hasMessageContaining("127.0.0.1:" + port);
    StartupReport tolerated =
        new StartupCheck(cas.ledger, cas.file(), cas.signer, List.of(down, witness()), 1).run();
    assertThat(tolerated.cosigned()).hasSize(1);
    assertThat(tolerated.witnessFailures()).singleElement().asString().contains("unreachable");
  }

  @Test
  void requiredWitnesses_beyondThoseConfigured_isAConfigurationError() {
    assertThatThrownBy(() -> new StartupCheck(cas.ledger, cas.file(), cas.signer, List.of(), 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
