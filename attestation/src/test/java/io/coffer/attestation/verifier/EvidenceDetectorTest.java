package io.coffer.attestation.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EvidenceDetectorTest {

  @ParameterizedTest
  @CsvSource({
    "sgx/dcap-qvl-sgx-v3/sgx_quote, SGX",
    "sgx/zkdcap-sgx-v3/quote_v3_00906ED50000.dat, SGX",
    "tdx/zkdcap-tdx-v4/quote_tdx_00806f050000.dat, TDX",
    "tdx/dcap-qvl-tdx-v4/tdx_quote, TDX",
    "tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated, TDX",
    "tdx/go-tdx-guest-v5/quote_v5_sample.dat, TDX",
    "snp/trustee-milan-vcek/test-report.bin, SNP",
    "snp/trustee-milan-vlek/test-vlek-report.bin, SNP",
    "snp/go-sev-guest-milan-vcek/attestation.bin, SNP",
    "snp/trustee-azure-hcl-milan/hcl-report.bin, SNP_AZURE_HCL"
  })
  void detect_recognisesEachPublishedVector(String vector, EvidenceType type) throws Exception {
    assertThat(EvidenceDetector.detect(Vectors.bytes(vector))).isEqualTo(type);
  }

  @Test
  void detect_recognisesSimulatedEvidence() throws Exception {
    byte[] evidence =
        SimulatedPlatform.generate()
            .attest(new byte[32], new byte[64], Instant.parse("2026-01-01T00:00:00Z"))
            .bytes();

    assertThat(EvidenceDetector.detect(evidence)).isEqualTo(EvidenceType.SIMULATION);
  }

  @Test
  void detect_aV3QuoteWithAnotherKeyType_isNotAQuote() {
    byte[] quote = Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote");
    quote[2] = 3; // ECDSA P-384: not a DCAP attestation key type

    assertThatThrownBy(() -> EvidenceDetector.detect(quote))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_EVIDENCE));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3, 55, 56, 1183, 1184, 4096})
  void detect_refusesBytesOfNoKnownFormat_ofAnyLength(int length) {
    byte[] junk = new byte[length];
    for (int i = 0; i < length; i++) {
      junk[i] = (byte) (0xA5 ^ i);
    }

    assertThatThrownBy(() -> EvidenceDetector.detect(junk))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED_EVIDENCE);
              assertThat(e.getMessage()).contains("not recognised");
            });
  }

  @Test
  void detect_refusesText() {
    byte[] text = "-----BEGIN CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> EvidenceDetector.detect(text))
        .isInstanceOf(AttestationException.class);
  }
}
