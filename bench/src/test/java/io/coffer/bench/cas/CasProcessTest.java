package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.server.StoreKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CasProcessTest {

  @TempDir Path dir;

  @Test
  void arguments_readBackWhatTheyWrite() {
    CasProcess.Arguments sqlite =
        new CasProcess.Arguments(
            Path.of("/tmp/run/cas"),
            StoreKind.SQLITE,
            Optional.empty(),
            true,
            EvidenceKind.SIMULATION);
    CasProcess.Arguments postgres =
        new CasProcess.Arguments(
            Path.of("/tmp/run/cas"),
            StoreKind.POSTGRES,
            Optional.of("jdbc:postgresql://127.0.0.1:5432/coffer_bench"),
            false,
            EvidenceKind.TDX);

    assertThat(CasProcess.Arguments.parse(sqlite.toList())).isEqualTo(sqlite);
    assertThat(CasProcess.Arguments.parse(postgres.toList())).isEqualTo(postgres);
  }

  @Test
  void arguments_malformed_areRefused_namingTheOption() {
    assertThatThrownBy(() -> CasProcess.Arguments.parse(List.of("--store", "sqlite")))
        .hasMessage("--dir and --store are required");
    assertThatThrownBy(() -> CasProcess.Arguments.parse(List.of("--dir", "d", "--dir", "e")))
        .hasMessage("--dir: given twice");
    assertThatThrownBy(() -> CasProcess.Arguments.parse(List.of("--dir")))
        .hasMessage("--dir: needs a value");
    assertThatThrownBy(() -> CasProcess.Arguments.parse(List.of("--heap", "1g")))
        .hasMessage("--heap: unknown option");
    assertThatThrownBy(() ->
            CasProcess.Arguments.parse(
                List.of("--dir", "d", "--store", "sqlite", "--provider", "bc")))
        .hasMessageStartingWith("--provider: expected jdk or accp");
    assertThatThrownBy(
            () -> CasProcess.Arguments.parse(List.of("--dir", "d", "--store", "postgres")))
        .hasMessage("--jdbc-url: given exactly with --store postgres");
    assertThatThrownBy(() ->
            CasProcess.Arguments.parse(
                List.of("--dir", "d", "--store", "sqlite", "--jdbc-url", "jdbc:postgresql://x/y")))
        .hasMessage("--jdbc-url: given exactly with --store postgres");
  }

  @Test
  void readyLine_carriesTheUrl() {
    URI url = URI.create("https://127.0.0.1:43117/");

    assertThat(CasProcess.parseReadyLine(CasProcess.readyLine(url))).hasValue(url);
  }

  @Test
  void parseReadyLine_anyOtherLine_isNotReady() {
    assertThat(CasProcess.parseReadyLine("")).isEmpty();
    assertThat(CasProcess.parseReadyLine("SLF4J: No SLF4J providers were found.")).isEmpty();
    assertThat(CasProcess.parseReadyLine("coffer-cas-load serving https://evil.example:443/"))
        .isEmpty();
    assertThat(CasProcess.parseReadyLine("coffer-cas-load serving http://127.0.0.1:8443/"))
        .isEmpty();
    assertThat(CasProcess.parseReadyLine(" coffer-cas-load serving https://127.0.0.1:8443/"))
        .isEmpty();
    assertThat(CasProcess.parseReadyLine("coffer-cas-load serving https://127.0.0.1:8443/ x"))
        .isEmpty();
  }

  @Test
  void readyLine_ofAnotherAddress_isRefused() {
    assertThatThrownBy(() -> CasProcess.readyLine(URI.create("https://[::1]:8443/")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void run_servesUntilStandardInputEnds_thenStops() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        CasProcess.run(
            new CasProcess.Arguments(
                    dir.resolve("cas"),
                    StoreKind.SQLITE,
                    Optional.empty(),
                    false,
                    EvidenceKind.SIMULATION)
                .toList(),
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(printed).endsWith("\n").hasLineCount(1);
    assertThat(CasProcess.parseReadyLine(printed.strip())).isPresent();
  }

  @Test
  void run_aUsageError_exitsTwo_withTheMessage() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int status =
        CasProcess.run(
            List.of("--store", "mysql"),
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(status).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("CasProcess: --store: expected sqlite or postgres, got \"mysql\"\n");
    assertThat(out.size()).isZero();
  }
}
