package io.coffer.attestation.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.testing.Vectors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GramineSourceTest {

  @TempDir Path dev;

  private void gramine(String type) throws Exception {
    Files.writeString(dev.resolve("attestation_type"), type + "\n");
    Files.write(dev.resolve("user_report_data"), new byte[64]);
    Files.write(dev.resolve("quote"), Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote"));
  }

  @Test
  void dcap_writesTheReportData_andReadsTheQuote() throws Exception {
    gramine("dcap");
    byte[] reportData = new byte[64];
    reportData[0] = 42;

    Evidence e = new GramineSource(dev).collect(reportData);

    assertThat(e.type()).isEqualTo(EvidenceType.SGX);
    assertThat(e.bytes()).isEqualTo(Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote"));
    assertThat(Files.readAllBytes(dev.resolve("user_report_data"))).isEqualTo(reportData);
  }

  @Test
  void epidOrMissing_isNotAvailable() throws Exception {
    assertThat(new GramineSource(dev).available()).isFalse();
    gramine("epid");
    assertThat(new GramineSource(dev).available()).isFalse();
    assertThatThrownBy(() -> new GramineSource(dev).collect(new byte[64]))
        .hasMessageContaining("not a Gramine DCAP attestation interface");
  }

  @Test
  void detection_prefersConfigfsTsm_thenGramine() throws Exception {
    gramine("dcap");
    Path tsm = Files.createDirectories(dev.resolveSibling(dev.getFileName() + "-tsm"));
    EvidenceSource configfs = new ConfigfsTsmSource(tsm);
    EvidenceSource gramine = new GramineSource(dev);
    EvidenceSource absent = new ConfigfsTsmSource(tsm.resolve("absent"));

    assertThat(EvidenceSources.detect(List.of(configfs, gramine))).contains(configfs);
    assertThat(EvidenceSources.detect(List.of(absent, gramine))).contains(gramine);
    assertThat(EvidenceSources.detect(List.of(absent))).isEmpty();
  }
}
