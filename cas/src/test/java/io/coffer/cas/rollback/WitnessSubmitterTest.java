package io.coffer.cas.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.witness.WitnessClient;
import io.coffer.cas.witness.WitnessException;
import io.coffer.cas.witness.WitnessNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessSubmitterTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path tmp;

  private CasDataDir cas;
  private WitnessNode node;

  @BeforeEach
  void create() throws Exception {
    cas = CasDataDir.create(tmp.resolve("data")).open();
    node =
        WitnessNode.start(
            tmp.resolve("witness"),
            Optional.of("witness.example/w1"),
            List.of(cas.key.verifier().vkey()),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Optional.empty(),
            CLOCK);
  }

  @AfterEach
  void close() throws Exception {
    cas.close();
    node.close();
  }

  private WitnessClient client() {
    return WitnessClient.create(node.url(), node.verifierKey(), Duration.ofSeconds(5), null);
  }

  @Test
  void submitOnce_offersTheLatestSealedCheckpoint_onlyWhenTheHeadMoved() throws Exception {
    WitnessSubmitter submitter = new WitnessSubmitter(cas.ledger, List.of(client()), CLOCK);
    assertThat(submitter.submitOnce()).as("nothing signed yet").isZero();

    cas.commit("a", 12);
    assertThat(submitter.submitOnce()).isEqualTo(1);
    assertThat(submitter.submitOnce()).as("nothing new").isZero();
    cas.commit("a", 20);
    assertThat(submitter.submitOnce()).isEqualTo(1);

    WitnessStatus status = submitter.status().get(0);
    assertThat(status.cosignedSize()).hasValue(20);
    assertThat(status.lastCosignedAt()).contains(CLOCK.instant());
    assertThat(status.lastFailure()).isEmpty();
  }

  @Test
  void recordStartup_skipsWitnessesThatCosignedTheHeadAlready() throws Exception {
    cas.commit("a", 12);
    WitnessClient client = client();
    StartupReport report = cas.check(List.of(client)).run();
    WitnessSubmitter submitter = new WitnessSubmitter(cas.ledger, List.of(client), CLOCK);

    submitter.recordStartup(report);

    assertThat(submitter.status().get(0).cosignedSize()).hasValue(12);
    assertThat(submitter.submitOnce()).isZero();
  }

  @Test
  void failures_areCountedAndExposed_notThrown() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    WitnessClient down =
        WitnessClient.create(
            URI.create("http://127.0.0.1:" + port),
            node.verifierKey(),
            Duration.ofSeconds(5),
            null);
    WitnessSubmitter submitter = new WitnessSubmitter(cas.ledger, List.of(down, client()), CLOCK);
    cas.commit("a", 3);

    assertThat(submitter.submitOnce()).isEqualTo(1);
    cas.commit("a", 4);
    submitter.submitOnce();

    WitnessStatus status = submitter.status().get(0);
    assertThat(status.consecutiveFailures()).isEqualTo(2);
    assertThat(status.lastFailure().orElseThrow().reason())
        .isEqualTo(WitnessException.Reason.UNREACHABLE);
    assertThat(status.alarming()).isFalse();
    assertThat(submitter.status().get(1).cosignedSize()).hasValue(4);
  }

  @Test
  void aWitnessAheadOfTheLog_isAlarming() throws Exception {
    cas.commit("a", 30);
    new WitnessSubmitter(cas.ledger, List.of(client()), CLOCK).submitOnce();
    try (CasDataDir restored = cas.sameCas(tmp.resolve("restored")).open()) {
      restored.commit("a", 10);
      WitnessSubmitter submitter = new WitnessSubmitter(restored.ledger, List.of(client()), CLOCK);

      submitter.submitOnce();

      WitnessStatus status = submitter.status().get(0);
      assertThat(status.alarming()).isTrue();
      assertThat(status.lastFailure().orElseThrow().message()).contains("cosigned size 30");
    }
  }
}
