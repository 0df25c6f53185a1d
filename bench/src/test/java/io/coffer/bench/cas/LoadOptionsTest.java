package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.server.StoreKind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

  @Test
  void parse_nothing_givesTheDefaults() {
    LoadOptions o = LoadOptions.parse(List.of());

    assertThat(o.store()).isEqualTo(StoreKind.SQLITE);
    assertThat(o.server()).isEqualTo(ServerMode.IN_PROCESS);
    assertThat(o.mix()).isEqualTo(Mix.READ);
    assertThat(o.clients()).isEqualTo(32);
    assertThat(o.warmup()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(o.rate()).isEmpty();
    assertThat(o.policies()).isEqualTo(100);
    assertThat(o.presign()).isZero();
    assertThat(o.accp()).isFalse();
    assertThat(o.json()).isFalse();
  }

  @Test
  void parse_everyOption_setsIt() {
    LoadOptions o =
        LoadOptions.parse(
            List.of(
                "--store",
                "postgres",
                "--server",
                "process",
                "--mix",
                "write",
                "--clients",
                "64",
                "--warmup",
                "500ms",
                "--duration",
                "2m",
                "--rate",
                "1500",
                "--policies",
                "10",
                "--stakeholders",
                "4",
                "--board",
                "2",
                "--presign",
                "300",
                "--provider",
                "accp",
                "--json"));

    assertThat(o.store()).isEqualTo(StoreKind.POSTGRES);
    assertThat(o.server()).isEqualTo(ServerMode.PROCESS);
    assertThat(o.mix()).isEqualTo(Mix.WRITE);
    assertThat(o.clients()).isEqualTo(64);
    assertThat(o.warmup()).isEqualTo(Duration.ofMillis(500));
    assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.rate()).hasValue(1500);
    assertThat(o.policies()).isEqualTo(10);
    assertThat(o.stakeholders()).isEqualTo(4);
    assertThat(o.board()).isEqualTo(2);
    assertThat(o.presign()).isEqualTo(300);
    assertThat(o.accp()).isTrue();
    assertThat(o.json()).isTrue();
  }

  @Test
  void parse_rateTarget_isTheTargetRateForTheMix() {
    assertThat(LoadOptions.parse(List.of("--rate", "target")).rate()).hasValue(5_000);
    assertThat(LoadOptions.parse(List.of("--rate", "target", "--mix", "write")).rate())
        .hasValue(1_000);
  }

  @Test
  void parse_attestMix_takesItsEvidenceAndKeysAhead_andItsTargetRate() {
    LoadOptions o =
        LoadOptions.parse(
            List.of(
                "--mix", "attest", "--evidence", "tdx", "--keys-ahead", "500", "--rate", "target"));

    assertThat(o.mix()).isEqualTo(Mix.ATTEST);
    assertThat(o.evidence()).isEqualTo(EvidenceKind.TDX);
    assertThat(o.keysAhead()).isEqualTo(500);
    assertThat(o.rate()).hasValue(2_000);
    assertThat(o.mix().targetP99()).isEqualTo(Duration.ofMillis(25));
    assertThat(LoadOptions.parse(List.of("--mix", "attest")).evidence())
        .isEqualTo(EvidenceKind.SIMULATION);
    assertThat(LoadOptions.parse(List.of("--mix", "attest")).keysAhead()).isZero();
  }

  @Test
  void parse_attestOptions_withAnotherMix_fail() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--evidence", "sgx")))
        .hasMessage("--evidence: only for --mix attest");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--mix", "write", "--keys-ahead", "5")))
        .hasMessage("--keys-ahead: only for --mix attest");
  }

  @Test
  void parse_unknownEvidence_orTooManyKeysAhead_fail() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--mix", "attest", "--evidence", "snp")))
        .hasMessage("--evidence: expected one of [simulation, sgx, tdx], got \"snp\"");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--mix", "attest", "--evidence", "SGX")))
        .hasMessageStartingWith("--evidence: expected one of");
    assertThatThrownBy(
            () -> LoadOptions.parse(List.of("--mix", "attest", "--keys-ahead", "100001")))
        .hasMessage("--keys-ahead: must be 0..100000, got 100001");
  }

  @Test
  void parse_unknownOption_fails() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--threads", "4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--threads: unknown option");
  }

  @Test
  void parse_repeatedOption_fails() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--clients", "4", "--clients", "8")))
        .hasMessage("--clients: given twice");
  }

  @Test
  void parse_missingValue_fails() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration")))
        .hasMessage("--duration: needs a value");
  }

  @Test
  void parse_server_takesInProcessOrProcess() {
    assertThat(LoadOptions.parse(List.of("--server", "in-process")).server())
        .isEqualTo(ServerMode.IN_PROCESS);
    assertThat(LoadOptions.parse(List.of("--server", "process")).server())
        .isEqualTo(ServerMode.PROCESS);
  }

  @Test
  void parse_unknownServerMode_fails() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--server", "PROCESS")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--server: expected one of [in-process, process], got \"PROCESS\"");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--server", "remote")))
        .hasMessageStartingWith("--server: expected one of");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--server")))
        .hasMessage("--server: needs a value");
    assertThatThrownBy(
            () -> LoadOptions.parse(List.of("--server", "process", "--server", "in-process")))
        .hasMessage("--server: given twice");
  }

  @Test
  void parse_unknownStoreMixOrProvider_fails() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--store", "mysql")))
        .hasMessageStartingWith("--store: expected sqlite or postgres");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--mix", "READ")))
        .hasMessageStartingWith("--mix: expected one of");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--provider", "bc")))
        .hasMessageStartingWith("--provider: expected jdk or accp");
  }

  @Test
  void parse_malformedNumbersAndDurations_fail() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--clients", "-1")))
        .hasMessageStartingWith("--clients: expected a whole number");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--clients", "99999999999")))
        .hasMessageStartingWith("--clients: expected a whole number");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "20")))
        .hasMessageStartingWith("--duration: expected a duration");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "1h")))
        .hasMessageStartingWith("--duration: expected a duration");
  }

  @Test
  void parse_outOfRangeValues_fail() {
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--clients", "0")))
        .hasMessage("--clients: must be 1..1024, got 0");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--duration", "0s")))
        .hasMessageStartingWith("--duration: must be positive");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--warmup", "61m")))
        .hasMessageStartingWith("--warmup: must be 0 up to 1 hour");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--rate", "0")))
        .hasMessage("--rate: must be 1..1000000, got 0");
    assertThatThrownBy(() -> LoadOptions.parse(List.of("--stakeholders", "2", "--board", "3")))
        .hasMessage("--board: must be 1..2, got 3");
  }

  @Test
  void parse_zeroWarmup_isAllowed() {
    assertThat(LoadOptions.parse(List.of("--warmup", "0s")).warmup()).isZero();
  }
}
