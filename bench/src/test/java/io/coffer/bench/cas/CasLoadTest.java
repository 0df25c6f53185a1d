package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness end to end, briefly, against a real CAS on SQLite. */
class CasLoadTest {

  private record Run(int status, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        CasLoad.run(
            List.of(args),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void reads_onSqlite_allSucceed_andLeaveTheLedgerAlone() throws Exception {
    Run r =
        run(
            "--mix",
            "read",
            "--clients",
            "3",
            "--policies",
            "4",
            "--warmup",
            "0s",
            "--duration",
            "400ms",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/ok").asLong()).isPositive();
    assertThat(json.at("/errors").size()).isZero();
    assertThat(json.at("/ledgerAfter").asLong()).isEqualTo(json.at("/ledgerBefore").asLong());
    assertThat(json.at("/ledgerBefore").asLong()).isEqualTo(1 + 4); // cas.started, 4 creations
  }

  @Test
  void writes_onSqlite_eachActivate_withTheirThreeLedgerEntries() throws Exception {
    Run r =
        run("--mix", "write", "--clients", "3", "--warmup", "0s", "--duration", "400ms", "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    long ok = json.at("/ok").asLong();
    assertThat(ok).isPositive();
    assertThat(json.at("/errors").size()).isZero();
    // policy.proposed, policy.approved, policy.activated: one transaction per acknowledged write.
    assertThat(json.at("/ledgerAfter").asLong() - json.at("/ledgerBefore").asLong())
        .isEqualTo(3 * ok);
  }

  @Test
  void reads_withTheCasInAChildJvm_reportTheCasCpuPerOperation() throws Exception {
    Run r =
        run(
            "--server",
            "process",
            "--mix",
            "read",
            "--clients",
            "2",
            "--policies",
            "4",
            "--warmup",
            "0s",
            "--duration",
            "500ms",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.at("/run/server").asText()).isEqualTo("process");
    assertThat(json.at("/ok").asLong()).isPositive();
    assertThat(json.at("/errors").size()).isZero();
    assertThat(json.at("/ledgerAfter").asLong()).isEqualTo(json.at("/ledgerBefore").asLong());
    assertThat(json.at("/casCpuMillisPerOperation").isNumber()).as(r.out()).isTrue();
    assertThat(json.at("/casCpuMillisPerOperation").asDouble()).isPositive();
    assertThat(json.at("/operationsPerCasCoreSecond").asDouble()).isPositive();
    assertThat(json.at("/loadGeneratorCpuMillisPerOperation").asDouble()).isPositive();
  }

  @Test
  void attestations_onSqlite_areAdmitted_withTheirTwoLedgerEntriesEach() throws Exception {
    Run r =
        run(
            "--mix",
            "attest",
            "--clients",
            "2",
            "--keys-ahead",
            "3",
            "--warmup",
            "0s",
            "--duration",
            "500ms",
            "--json");

    assertThat(r.status()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    long ok = json.at("/ok").asLong();
    assertThat(ok).isPositive();
    assertThat(json.at("/errors").size()).isZero();
    assertThat(json.at("/run/evidence").asText()).isEqualTo("simulation");
    // attestation.succeeded and secret.released, in one durable write per admission.
    assertThat(json.at("/ledgerAfter").asLong() - json.at("/ledgerBefore").asLong())
        .isEqualTo(2 * ok);
  }

  @Test
  void attestations_withARealTdxQuote_andTheCasInAChildJvm_areAdmitted() throws Exception {
    Run r =
        run(
            "--server",
            "process",
            "--mix",
            "attest",
            "--evidence",
            "tdx",
            "--clients",
            "2",
            "--warmup",
            "0s",
            "--duration",
            "500ms");

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("simulated flow + one real TDX quote verified per attestation")
        .contains(", 0 errors)")
        .contains("cas cpu");
  }

  @Test
  void help_printsTheOptions() {
    Run r = run("--help");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("usage:")
        .contains("--rate N|target")
        .contains("--server in-process|process");
  }

  @Test
  void anUnknownOption_isAUsageError() {
    Run r = run("--threads", "4");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--threads: unknown option").contains("usage:");
    assertThat(r.out()).isEmpty();
  }
}
