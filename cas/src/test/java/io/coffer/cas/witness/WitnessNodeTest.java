package io.coffer.cas.witness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessNodeTest {

  @TempDir Path dir;

  private WitnessNode start(TestLog log) throws Exception {
    return WitnessNode.start(
        dir.resolve("witness"),
        Optional.of("witness.example/w1"),
        List.of(log.key.verifier().vkey()),
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        Optional.empty(),
        TestLog.CLOCK);
  }

  @Test
  void restartedWitness_keepsItsKeyAndState_andStillRefusesARollback() throws Exception {
    try (TestLog live = TestLog.create().grow("a", 40);
        TestLog restored = live.sameKey().grow("a", 10)) {
      String vkey;
      try (WitnessNode node = start(live)) {
        vkey = node.verifierKey().vkey();
        WitnessClient.create(node.url(), node.verifierKey(), Duration.ofSeconds(5), null)
            .addCheckpoint(live.checkpoint(), live.ledger);
      }

      try (WitnessNode again = start(live)) {
        assertThat(again.verifierKey().vkey()).isEqualTo(vkey);
        WitnessClient client =
            WitnessClient.create(again.url(), again.verifierKey(), Duration.ofSeconds(5), null);
        assertThatThrownBy(() -> client.addCheckpoint(restored.checkpoint(), restored.ledger))
            .isInstanceOfSatisfying(
                WitnessException.class, e -> assertThat(e.witnessSize()).hasValue(40));
      }
    }
  }

  @Test
  void logs_groupsKeysByTheirNameAsOrigin() throws Exception {
    try (TestLog a = TestLog.create();
        TestLog b = TestLog.create()) {
      var logs = WitnessNode.logs(List.of(a.key.verifier().vkey(), b.key.verifier().vkey()));

      assertThat(logs).containsOnlyKeys(TestLog.ORIGIN);
      assertThat(logs.get(TestLog.ORIGIN)).containsExactly(a.key.verifier(), b.key.verifier());
    }
  }

  @Test
  void start_withoutLogs_orWithAMalformedKey_fails() {
    assertThatThrownBy(() -> WitnessNode.logs(List.of()))
        .isInstanceOf(WitnessSetupException.class)
        .hasMessageContaining("at least one log");
    assertThatThrownBy(() -> WitnessNode.logs(List.of("not-a-vkey")))
        .isInstanceOf(WitnessSetupException.class)
        .hasMessageContaining("not-a-vkey");
  }
}
