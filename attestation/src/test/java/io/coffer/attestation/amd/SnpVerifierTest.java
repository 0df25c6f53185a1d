package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.VCEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.VLEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static io.coffer.attestation.amd.SnpVectors.plusOne;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SnpVerifierTest {

  private final SnpVerifier verifier = new SnpVerifier(TrustAnchors.defaults());

  private VerifiedClaims verify(byte[] report, Collateral collateral, Instant at)
      throws AttestationException {
    return verifier.verify(
        new Evidence(EvidenceType.SNP, report), collateral, VerificationOptions.at(at));
  }

  private static ClaimValue hex(String h) {
    return new ClaimValue.Bytes(HexFormat.of().parseHex(h));
  }

  private static ClaimValue number(long n) {
    return new ClaimValue.Number(n);
  }

  @Test
  void goSevGuestMilan_verifies_withTheStatedClaims() throws Exception {
    VerifiedClaims c =
        verify(bytes(GSG + "attestation.bin"), collateral(GSG + "vcek.testcer"), VCEK_TIME);

    assertThat(c.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(c.debug()).isTrue();
    assertThat(c.claim("measurement"))
        .contains(
            hex(
                "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01"));
    assertThat(c.claim("reportId"))
        .contains(hex("8edc638e1857c555d21f6b11bda3c8b1b5a09dba4852b4c8ee7aa2f16f22cc0a"));
    assertThat(c.claim("reportIdMa")).contains(hex("ff".repeat(32)));
    assertThat(c.claim("chipId"))
        .contains(
            hex(
                "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d"));
    assertThat(c.claim("reportData")).contains(hex("0102030405" + "00".repeat(59)));
    assertThat(c.reportData()).isEqualTo(HexFormat.of().parseHex("0102030405" + "00".repeat(59)));
    assertThat(c.claim("hostData")).contains(hex("00".repeat(32)));
    assertThat(c.claim("familyId")).contains(hex("00".repeat(16)));
    assertThat(c.claim("imageId")).contains(hex("00".repeat(16)));
    assertThat(c.claim("reportedTcb")).contains(number(0x4405000000000002L));
    assertThat(c.claim("launchTcb")).contains(number(0x4405000000000002L));
    assertThat(c.claim("reportedTcbBootloader")).contains(number(2));
    assertThat(c.claim("reportedTcbTee")).contains(number(0));
    assertThat(c.claim("reportedTcbSnp")).contains(number(5));
    assertThat(c.claim("reportedTcbMicrocode")).contains(number(68));
    assertThat(c.claim("reportedTcbFmc")).isEmpty();
    assertThat(c.claim("policy")).contains(number(0xB0000));
    assertThat(c.claim("policyDebug")).contains(new ClaimValue.Flag(true));
    assertThat(c.claim("policySmt")).contains(new ClaimValue.Flag(true));
    assertThat(c.claim("policyMigrateMa")).contains(new ClaimValue.Flag(false));
    assertThat(c.claim("vmpl")).contains(number(0));
    assertThat(c.claim("platformInfo")).contains(number(1));
    assertThat(c.claim("platformInfoSmtEn")).contains(new ClaimValue.Flag(true));
    assertThat(c.claim("currentMajor")).contains(number(1));
    assertThat(c.claim("currentMinor")).contains(number(49));
    assertThat(c.claim("currentBuild")).contains(number(3));
    assertThat(c.claim("authorKeyEn")).contains(new ClaimValue.Flag(false));
    assertThat(c.claim("idKeyDigest")).contains(hex("00".repeat(48)));
    assertThat(c.claim("version")).contains(number(2));
    assertThat(c.claim("cpuidFamId")).isEmpty();
    assertThat(c.claim("product")).contains(new ClaimValue.Text("Milan"));
    assertThat(c.claim("productName")).contains(new ClaimValue.Text("Milan-B0"));
    assertThat(c.claim("signingKey")).contains(new ClaimValue.Text("vcek"));
    assertThat(c.collateralValidFrom()).contains(Instant.parse("2022-09-24T00:55:28Z"));
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2029-09-24T00:55:28Z"));
  }

  @Test
  void goSevGuestMilan_verifiesAtTheStatedCertificateInstant() throws Exception {
    VerifiedClaims c =
        verify(
            bytes(GSG + "attestation.bin"),
            collateral(GSG + "vcek.testcer", GSG + "ask_ark_milan.pem"),
            SnpVectors.GSG_VCEK_TIME);

    assertThat(c.verifiedAt()).isEqualTo(SnpVectors.GSG_VCEK_TIME);
  }

  @Test
  void trusteeMilanVcek_verifies() throws Exception {
    VerifiedClaims c =
        verify(
            bytes(TRUSTEE_VCEK + "test-report.bin"),
            collateral(TRUSTEE_VCEK + "test-vcek.der", TRUSTEE_VCEK + "milan_ask_ark_asvk.pem"),
            VCEK_TIME);

    assertThat(c.claim("reportedTcb")).contains(number(0x7308000000000003L));
    assertThat(c.claim("guestSvn")).contains(number(4));
    assertThat(c.claim("currentTcbMicrocode")).contains(number(206));
    assertThat(c.debug()).isFalse();
  }

  @Test
  void trusteeMilanVlek_verifiesAsAVlekReport() throws Exception {
    VerifiedClaims c =
        verify(
            bytes(TRUSTEE_VLEK + "test-vlek-report.bin"),
            collateral(TRUSTEE_VLEK + "test-vlek.der", TRUSTEE_VLEK + "milan_ask_ark_asvk.pem"),
            VLEK_TIME);

    assertThat(c.claim("signingKey")).contains(new ClaimValue.Text("vlek"));
    assertThat(c.claim("cspId")).contains(new ClaimValue.Text("CN=cc-us-east-2.amazonaws.com"));
    assertThat(c.claim("version")).contains(number(3));
    assertThat(c.claim("cpuidFamId")).contains(number(0x19));
    assertThat(c.claim("cpuidModId")).contains(number(0x01));
    assertThat(c.claim("cpuidStep")).contains(number(0x01));
    assertThat(c.claim("vmpl")).contains(number(1));
    assertThat(c.claim("chipId")).contains(hex("00".repeat(64)));
    assertThat(c.claim("reportedTcb")).contains(number(0xD918000000000004L));
    assertThat(c.claim("committedTcbMicrocode")).contains(number(219));
    assertThat(c.claim("platformInfoAliasCheckComplete")).contains(new ClaimValue.Flag(true));
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2025-12-10T22:14:21Z"));
  }

  @Test
  void trusteeVcekReport_byte42Tampered_failsOnTheSignature() throws Exception {
    assertThatThrownBy(() ->
            verify(
                plusOne(bytes(TRUSTEE_VCEK + "test-report.bin"), 42),
                collateral(TRUSTEE_VCEK + "test-vcek.der"),
                VCEK_TIME))
        .isInstanceOf(AttestationException.class)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
  }
}
