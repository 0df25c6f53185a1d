package io.coffer.cas.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarAppraisalTest {

  private static EarAppraisal with(String subject, String policyHash, byte[] nonce) {
    return new EarAppraisal(
        subject,
        "p",
        policyHash,
        "s",
        Platform.SGX,
        false,
        TcbStatus.UP_TO_DATE,
        List.of(),
        Map.of(),
        nonce,
        EarFixture.WORKLOAD,
        EarFixture.NOW,
        EarFixture.NOW.plusSeconds(1));
  }

  @Test
  void constructor_copiesMutableInputs() {
    byte[] nonce = new byte[16];
    byte[] measurement = {1};
    Map<String, byte[]> measurements = new HashMap<>(Map.of("mrEnclave", measurement));
    EarAppraisal a =
        new EarAppraisal(
            "spiffe://t/p/s",
            "p",
            "00".repeat(32),
            "s",
            Platform.SGX,
            false,
            TcbStatus.UP_TO_DATE,
            List.of(),
            measurements,
            nonce,
            EarFixture.WORKLOAD,
            EarFixture.NOW,
            EarFixture.NOW.plusSeconds(1));
    nonce[0] = 9;
    measurement[0] = 9;
    measurements.put("other", new byte[] {1});

    assertThat(a.nonce()[0]).isZero();
    assertThat(a.measurements()).containsOnlyKeys("mrEnclave");
    assertThat(a.measurements().get("mrEnclave")).containsExactly(1);
  }

  @Test
  void constructor_malformedFields_areRefusedByName() {
    assertThatThrownBy(() -> with("https://t/p/s", "00".repeat(32), new byte[16]))
        .hasMessageContaining("subject");
    assertThatThrownBy(() -> with("spiffe://t/p/s", "AB".repeat(32), new byte[16]))
        .hasMessageContaining("policyHash");
    assertThatThrownBy(() -> with("spiffe://t/p/s", "00".repeat(32), new byte[7]))
        .hasMessageContaining("nonce");
    assertThatThrownBy(() -> with("spiffe://t/p/s", "00".repeat(32), new byte[65]))
        .hasMessageContaining("nonce");
  }

  @Test
  void simulated_followsThePlatform() {
    assertThat(EarFixture.appraisal(Platform.SIMULATION, false, TcbStatus.UNKNOWN).simulated())
        .isTrue();
    assertThat(EarFixture.admitted().simulated()).isFalse();
  }
}
