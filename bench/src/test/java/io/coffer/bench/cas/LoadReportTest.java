package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LoadReportTest {

  private static final Machine MACHINE = new Machine(2, "jdk", "os", 1L << 30, "SUN");

  private static LoadReport report(
      long ok, Map<String, Long> errors, Duration p99, OptionalInt offered, long unsent) {
    return report(ok, errors, p99, offered, unsent, List.of(), Optional.empty());
  }

  private static LoadReport report(
      long ok,
      Map<String, Long> errors,
      Duration p99,
      OptionalInt offered,
      long unsent,
      List<String> extraOptions,
      Optional<CpuAccount> cpu) {
    LatencySummary latency =
        new LatencySummary(ok, 0, Duration.ofMillis(1), Duration.ofMillis(2), p99, p99, p99);
    WorkerStats.Merged counts =
        new WorkerStats.Merged(
            ok, errors, errors.isEmpty() ? Optional.empty() : Optional.of("first"), latency);
    Measurement m = new Measurement(counts, Duration.ofSeconds(10), offered, unsent);
    List<String> args = new ArrayList<>(List.of("--mix", "write", "--duration", "10s"));
    args.addAll(extraOptions);
    return new LoadReport(LoadOptions.parse(args), m, 9, 30_009, MACHINE, cpu);
  }

  /** 10,000 operations in 10 s, with the CAS at 4 s of CPU and the load generator at 12 s. */
  private static LoadReport inItsOwnProcess(Optional<Duration> cas, Optional<Duration> load) {
    return report(
        10_000,
        Map.of(),
        Duration.ofMillis(5),
        OptionalInt.empty(),
        0,
        List.of("--server", "process"),
        Optional.of(new CpuAccount(cas, load, 10_000)));
  }

  @Test
  void targetMet_atTheOfferedRate_withAFastP99_andNoError() {
    assertThat(
            report(10_000, Map.of(), Duration.ofMillis(19), OptionalInt.of(1_000), 0).targetMet())
        .isTrue();
  }

  @Test
  void targetNotMet_whenP99IsTwentyMillisecondsOrMore() {
    assertThat(
            report(10_000, Map.of(), Duration.ofMillis(20), OptionalInt.of(1_000), 0).targetMet())
        .isFalse();
  }

  @Test
  void targetNotMet_whenTheRateWasNotSustained_orRequestsFailed() {
    Duration fast = Duration.ofMillis(5);
    assertThat(report(9_800, Map.of(), fast, OptionalInt.of(1_000), 0).targetMet()).isFalse();
    assertThat(report(10_000, Map.of(), fast, OptionalInt.of(1_000), 1).targetMet()).isFalse();
    assertThat(
            report(10_000, Map.of("stale-predecessor", 1L), fast, OptionalInt.of(1_000), 0)
                .targetMet())
        .isFalse();
  }

  @Test
  void targetNotMet_inAClosedLoop() {
    assertThat(report(10_000, Map.of(), Duration.ofMillis(1), OptionalInt.empty(), 0).targetMet())
        .isFalse();
  }

  @Test
  void json_holdsTheRunTheFiguresAndTheMachine() throws Exception {
    LoadReport r =
        report(
            10_000, Map.of("not-activated", 2L), Duration.ofMillis(12), OptionalInt.of(1_000), 0);

    JsonNode json = new ObjectMapper().readTree(r.json());

    assertThat(json.at("/run/mix").asText()).isEqualTo("write");
    assertThat(json.at("/run/offeredPerSecond").asInt()).isEqualTo(1_000);
    assertThat(json.at("/throughputPerSecond").asDouble()).isEqualTo(1_000.0);
    assertThat(json.at("/errors/not-activated").asLong()).isEqualTo(2);
    assertThat(json.at("/latencyMillis/p99").asDouble()).isEqualTo(12.0);
    assertThat(json.at("/ledgerAfter").asLong()).isEqualTo(30_009);
    assertThat(json.at("/targetMet").asBoolean()).isFalse();
    assertThat(json.at("/machine/cores").asInt()).isEqualTo(2);
  }

  @Test
  void text_saysWhetherTheTargetWasMet() {
    String text = report(10_000, Map.of(), Duration.ofMillis(25), OptionalInt.of(1_000), 0).text();

    assertThat(text)
        .contains("open loop at 1000/s")
        .contains("throughput   1000 ops/s")
        .contains("p99 25.00 ms")
        .contains("p99 < 20.00 ms at 1000/s: NOT met");
  }

  @Test
  void attest_textAndJson_sayWhatTheCasVerified_andUseTheAttestationTarget() throws Exception {
    LatencySummary latency =
        new LatencySummary(
            100,
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(2),
            Duration.ofMillis(24),
            Duration.ofMillis(30),
            Duration.ofMillis(30));
    Measurement m =
        new Measurement(
            new WorkerStats.Merged(100, Map.of(), Optional.empty(), latency),
            Duration.ofSeconds(10),
            OptionalInt.of(10),
            0);
    LoadOptions options =
        LoadOptions.parse(
            List.of("--mix", "attest", "--evidence", "sgx", "--keys-ahead", "7", "--rate", "10"));
    LoadReport r = new LoadReport(options, m, 1, 201, MACHINE, Optional.empty());

    assertThat(r.targetMet()).isTrue();
    assertThat(r.text())
        .contains("simulated flow + one real SGX quote verified per attestation")
        .contains("7 key pairs generated ahead per client")
        .contains("p99 < 25.00 ms at 10/s: met");
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertThat(json.at("/run/evidence").asText()).isEqualTo("sgx");
    assertThat(json.at("/run/keysAheadPerClient").asInt()).isEqualTo(7);
    assertThat(json.at("/targetP99Millis").asDouble()).isEqualTo(25.0);
  }

  @Test
  void text_casInItsOwnProcess_givesTheCpuOfEachProcessPerOperation() {
    String text =
        inItsOwnProcess(Optional.of(Duration.ofSeconds(4)), Optional.of(Duration.ofSeconds(12)))
            .text();

    assertThat(text)
        .contains("sqlite (CAS in its own JVM), write")
        .contains("  cas cpu      0.40 ms per operation, 2500 operations per CAS core-second\n")
        .contains("  load cpu     1.20 ms per operation (clients and harness, this JVM)\n");
  }

  @Test
  void json_casInItsOwnProcess_givesTheCpuOfEachProcessPerOperation() throws Exception {
    JsonNode json =
        new ObjectMapper()
            .readTree(
                inItsOwnProcess(
                        Optional.of(Duration.ofSeconds(4)), Optional.of(Duration.ofSeconds(12)))
                    .json());

    assertThat(json.at("/run/server").asText()).isEqualTo("process");
    assertThat(json.at("/casCpuMillisPerOperation").asDouble()).isEqualTo(0.4);
    assertThat(json.at("/operationsPerCasCoreSecond").asDouble()).isEqualTo(2_500.0);
    assertThat(json.at("/loadGeneratorCpuMillisPerOperation").asDouble()).isEqualTo(1.2);
  }

  @Test
  void cpuThePlatformDidNotGive_isNotAvailable_notANumber() throws Exception {
    LoadReport r = inItsOwnProcess(Optional.empty(), Optional.empty());

    assertThat(r.text())
        .contains("  cas cpu      not available\n")
        .contains("  load cpu     not available\n");
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertThat(json.get("casCpuMillisPerOperation").isNull()).isTrue();
    assertThat(json.get("operationsPerCasCoreSecond").isNull()).isTrue();
    assertThat(json.get("loadGeneratorCpuMillisPerOperation").isNull()).isTrue();
  }

  @Test
  void inProcess_reportsNoCpuFigure() throws Exception {
    LoadReport r = report(10_000, Map.of(), Duration.ofMillis(5), OptionalInt.empty(), 0);

    assertThat(r.text()).doesNotContain("cpu").doesNotContain("own JVM");
    JsonNode json = new ObjectMapper().readTree(r.json());
    assertThat(json.at("/run/server").asText()).isEqualTo("in-process");
    assertThat(json.has("casCpuMillisPerOperation")).isFalse();
    assertThat(json.has("operationsPerCasCoreSecond")).isFalse();
    assertThat(json.has("loadGeneratorCpuMillisPerOperation")).isFalse();
  }
}
