package io.coffer.attestation.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

// The imitated kernel only has to run while a block runs: its variable is never referenced.
@SuppressWarnings("try")
class ConfigfsTsmSourceTest {

  @TempDir Path root;

  /** The imitation's "report": a marker followed by the report data it was given. */
  private static byte[] report(byte[] inblob) {
    byte[] out = Arrays.copyOf("REPORT:".getBytes(), 7 + inblob.length);
    System.arraycopy(inblob, 0, out, 7, inblob.length);
    return out;
  }

  private static byte[] reportData() {
    byte[] d = new byte[64];
    Arrays.fill(d, (byte) 0x5a);
    return d;
  }

  @Test
  void tdxGuest_givesTdxEvidence_bindingTheReportData_andRemovesTheEntry() throws Exception {
    try (var kernel = new FakeTsmKernel(root, "tdx_guest", ConfigfsTsmSourceTest::report, 0)) {
      Evidence e = new ConfigfsTsmSource(root).collect(reportData());

      assertThat(e.type()).isEqualTo(EvidenceType.TDX);
      assertThat(e.bytes()).isEqualTo(report(reportData()));
    }
    try (var entries = Files.list(root)) {
      assertThat(entries.filter(Files::isDirectory)).isEmpty();
    }
  }

  @Test
  void sevGuest_givesSnpEvidence() throws Exception {
    try (var kernel = new FakeTsmKernel(root, "sev_guest", ConfigfsTsmSourceTest::report, 0)) {
      assertThat(new ConfigfsTsmSource(root).collect(reportData()).type())
          .isEqualTo(EvidenceType.SNP);
    }
  }

  @Test
  void anotherWriterOnTheEntry_isDetected_andTheReportRefused() throws Exception {
    try (var kernel = new FakeTsmKernel(root, "tdx_guest", ConfigfsTsmSourceTest::report, 1)) {
      assertThatThrownBy(() -> new ConfigfsTsmSource(root).collect(reportData()))
          .isInstanceOf(AttestationException.class)
          .hasMessageContaining("concurrently");
    }
  }

  @Test
  void unknownProvider_isUnsupported() throws Exception {
    try (var kernel = new FakeTsmKernel(root, "arm_cca_guest", ConfigfsTsmSourceTest::report, 0)) {
      assertThatThrownBy(() -> new ConfigfsTsmSource(root).collect(reportData()))
          .extracting(x -> ((AttestationException) x).reason())
          .isEqualTo(Reason.UNSUPPORTED_VERSION);
    }
  }

  @Test
  void silentInterface_timesOut_withAClearError() {
    ConfigfsTsmSource source = new ConfigfsTsmSource(root, Duration.ofMillis(50));

    assertThatThrownBy(() -> source.collect(reportData()))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("no inblob/generation attributes");
  }

  @Test
  void missingInterface_isNotAvailable() {
    assertThat(new ConfigfsTsmSource(root.resolve("absent")).available()).isFalse();
    assertThat(new ConfigfsTsmSource(root).available()).isTrue();
  }
}
