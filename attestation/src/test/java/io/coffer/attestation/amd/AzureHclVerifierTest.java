package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.VCEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AzureHclVerifierTest {

  private static final byte[] VECTOR = bytes(AZURE + "hcl-report.bin");
  private static final String REPORT_DATA =
      "b3fbad6514c83caeb0380882145e49f794229ef37c421b91fc47ff93556bafac" + "00".repeat(32);

  private final AzureHclVerifier verifier = new AzureHclVerifier(TrustAnchors.defaults());

  private VerifiedClaims verify(byte[] hcl) throws AttestationException {
    return verifier.verify(
        new Evidence(EvidenceType.SNP_AZURE_HCL, hcl),
        collateral(AZURE + "vcek.pem"),
        VerificationOptions.at(VCEK_TIME));
  }

  private static void fails(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void azureVector_verifies_withTheSnpClaimsAndTheVariableData() throws Exception {
    VerifiedClaims c = verify(VECTOR);

    assertThat(c.evidenceType()).isEqualTo(EvidenceType.SNP_AZURE_HCL);
    assertThat(c.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(c.reportData()).isEqualTo(HexFormat.of().parseHex(REPORT_DATA));
    assertThat(c.claim("reportData"))
        .contains(new ClaimValue.Bytes(HexFormat.of().parseHex(REPORT_DATA)));
    assertThat(c.claim("guestSvn")).contains(new ClaimValue.Number(5));
    assertThat(c.claim("product")).contains(new ClaimValue.Text("Milan"));
    assertThat(c.claim("vmpl")).contains(new ClaimValue.Number(0));
    assertThat(c.claim("measurement"))
        .contains(
            new ClaimValue.Bytes(
                HexFormat.of()
                    .parseHex(
                        "9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308b459d5ef1a12e0c22944eb386d17c315")));
    assertThat(c.claim("hclVariableData"))
        .contains(new ClaimValue.Bytes(Arrays.copyOfRange(VECTOR, 0x4D4, 0x92A)));
    assertThat(c.claim("hclUserData")).isPresent();
    assertThat(c.collateralValidUntil()).isPresent();
  }

  @Test
  void byte0x1A6Zeroed_failsOnTheSnpSignature() {
    // Trustee reports "SNP version mismatch" because it compares the TCB first; that comparison
    // is ReportBindingTest.azureHcl_byte0x1A6Zeroed_snpMismatch. Here the signature breaks first.
    byte[] b = VECTOR.clone();
    b[0x1A6] = 0;

    fails(() -> verify(b), Reason.REPORT_SIGNATURE_INVALID, "does not verify with its SEV-VCEK");
  }

  @Test
  void byte0x6E0Tampered_variableDataIsNotSigned() {
    fails(
        () -> verify(SnpVectors.plusOne(VECTOR, 0x6E0)),
        Reason.REPORT_SIGNATURE_INVALID,
        "the HCL variable data's SHA_256 digest is not the SNP report's REPORT_DATA");
  }

  @Test
  void aBrokenHclLayout_isMalformed() {
    fails(() -> verify(Arrays.copyOf(VECTOR, 0x600)), Reason.MALFORMED_EVIDENCE, "report size");
  }

  @Test
  void withoutItsVcek_isMissingCollateral() {
    fails(
        () ->
            verifier.verify(
                new Evidence(EvidenceType.SNP_AZURE_HCL, VECTOR),
                Collateral.empty(),
                VerificationOptions.at(VCEK_TIME)),
        Reason.COLLATERAL_MISSING,
        "no VCEK or VLEK");
  }

  @Test
  void evidenceOfAnotherType_isRefused() {
    fails(
        () ->
            verifier.verify(
                new Evidence(EvidenceType.SNP, VECTOR),
                Collateral.empty(),
                VerificationOptions.at(VCEK_TIME)),
        Reason.UNSUPPORTED_VERSION,
        "snp-azure-hcl");
  }

  @Test
  void theFacade_detectsAndVerifiesHclReports() throws Exception {
    VerifiedClaims c =
        AttestationVerifier.create(TrustAnchors.defaults())
            .verify(VECTOR, collateral(AZURE + "vcek.pem"), VerificationOptions.at(VCEK_TIME));

    assertThat(c.evidenceType()).isEqualTo(EvidenceType.SNP_AZURE_HCL);
  }

  private static byte[] withReportData(byte[] reportData) {
    return new ReportBuilder(2).reportData(reportData).unsigned();
  }

  @Test
  void checkBinding_digestThenZeros_forEveryHashType() throws Exception {
    byte[] json = "{\"user-data\":\"00ff\"}".getBytes(StandardCharsets.UTF_8);
    for (int type = 1; type <= 3; type++) {
      HclReport hcl = HclReport.parse(HclReportTest.hcl(new byte[SnpReport.SIZE], type, json, 0));
      String algorithm = type == 1 ? "SHA-256" : type == 2 ? "SHA-384" : "SHA-512";
      byte[] reportData = Arrays.copyOf(MessageDigest.getInstance(algorithm).digest(json), 64);
      SnpReport good = SnpReport.parse(withReportData(reportData));
      reportData[63] ^= 1;
      SnpReport trailing = SnpReport.parse(withReportData(reportData));

      assertThatCode(() -> AzureHclVerifier.checkBinding(hcl, good)).doesNotThrowAnyException();
      if (type < 3) {
        fails(
            () -> AzureHclVerifier.checkBinding(hcl, trailing),
            Reason.REPORT_SIGNATURE_INVALID,
            "non-zero bytes after");
      } else {
        fails(
            () -> AzureHclVerifier.checkBinding(hcl, trailing),
            Reason.REPORT_SIGNATURE_INVALID,
            "SHA_512 digest is not");
      }
    }
  }
}
