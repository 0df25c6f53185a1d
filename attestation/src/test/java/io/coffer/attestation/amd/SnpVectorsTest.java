package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE_CASE;
import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.GSG_CASE;
import static io.coffer.attestation.amd.SnpVectors.KDS;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK_CASE;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK_CASE;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static io.coffer.attestation.amd.SnpVectors.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.attestation.verifier.EvidenceDetector;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every published SEV-SNP vector ({@code testvectors/snp/README.md}) through {@link
 * AttestationVerifier}, with the outcome its source states and the values the README lists. Where a
 * source sets no verification instant (trustee checks no dates) the vector is verified at an
 * instant inside all its certificates' windows; where our outcome differs from the source's, the
 * test says why. The tamper cases are {@link SnpTamperTest}.
 */
class SnpVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  /** One verifier for all tests, so that its chain cache is shared across vectors. */
  private static final AttestationVerifier VERIFIER =
      AttestationVerifier.create(TrustAnchors.defaults());

  static Stream<SnpVectors.Case> vectors() {
    return SnpVectors.cases().stream();
  }

  private static VerifiedClaims verify(SnpVectors.Case v) throws AttestationException {
    return verify(v, v.at());
  }

  private static VerifiedClaims verify(SnpVectors.Case v, Instant at) throws AttestationException {
    return VERIFIER.verify(
        new Evidence(v.type(), v.reportBytes()), v.loadCollateral(), VerificationOptions.at(at));
  }

  private static Reason reasonOf(ThrowingVerification v) {
    try {
      v.run();
    } catch (AttestationException e) {
      return e.reason();
    }
    throw new AssertionError("verification succeeded");
  }

  @FunctionalInterface
  private interface ThrowingVerification {
    void run() throws AttestationException;
  }

  private static String hex(VerifiedClaims c, String name) {
    return ((ClaimValue.Bytes) c.claim(name).orElseThrow()).hex();
  }

  private static long number(VerifiedClaims c, String name) {
    return ((ClaimValue.Number) c.claim(name).orElseThrow()).value();
  }

  private static boolean flag(VerifiedClaims c, String name) {
    return ((ClaimValue.Flag) c.claim(name).orElseThrow()).value();
  }

  private static String text(VerifiedClaims c, String name) {
    return ((ClaimValue.Text) c.claim(name).orElseThrow()).value();
  }

  // --- every vector ------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("vectors")
  void everyVector_isDetected_andVerifiesTheSameWithOrWithoutItsType(SnpVectors.Case v)
      throws Exception {
    byte[] report = v.reportBytes();

    VerifiedClaims typed = verify(v);
    VerifiedClaims detected =
        VERIFIER.verify(report, v.loadCollateral(), VerificationOptions.at(v.at()));

    assertThat(EvidenceDetector.detect(report)).isEqualTo(v.type());
    assertThat(detected.evidenceType()).isEqualTo(v.type());
    assertThat(detected.claims()).isEqualTo(typed.claims());
    assertThat(typed.platform()).isEqualTo(Platform.SNP);
    assertThat(typed.simulated()).isFalse();
    assertThat(typed.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(typed.advisoryIds()).isEmpty();
    assertThat(typed.verifiedAt()).isEqualTo(v.at());
    assertThat(typed.claim("reportData")).contains(new ClaimValue.Bytes(typed.reportData()));
    assertThat(typed.debug()).isEqualTo(flag(typed, "policyDebug"));
    assertThat(typed.claim("product")).contains(new ClaimValue.Text("Milan"));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void everyVector_isValidExactlyWithinItsCertificatesWindow(SnpVectors.Case v) throws Exception {
    VerifiedClaims c = verify(v);
    Instant from = c.collateralValidFrom().orElseThrow();
    Instant until = c.collateralValidUntil().orElseThrow();

    assertThat(from).isBeforeOrEqualTo(v.at());
    assertThat(until).isAfterOrEqualTo(v.at());
    assertThat(verify(v, from).claims()).isEqualTo(c.claims());
    assertThat(verify(v, until).claims()).isEqualTo(c.claims());
    assertThat(reasonOf(() -> verify(v, from.minusSeconds(1))))
        .isEqualTo(Reason.VCEK_CHAIN_INVALID);
    assertThat(reasonOf(() -> verify(v, until.plusSeconds(1))))
        .isEqualTo(Reason.VCEK_CHAIN_INVALID);
  }

  // --- go-sev-guest-milan-vcek -------------------------------------------------------------------

  @Test
  void goSevGuest_verifiesWithTheEmbeddedMilanChain_atTheTestVerifyVcekCertInstant()
      throws Exception {
    // TestVerifyVcekCert: VCEK -> ASK -> ARK at 2022-09-24T01:00:00Z, minutes after notBefore.
    VerifiedClaims c =
        VERIFIER.verify(
            bytes(GSG + "attestation.bin"),
            collateral(GSG + "vcek.testcer", GSG + "ask_ark_milan.pem"),
            VerificationOptions.at(Instant.parse("2022-09-24T01:00:00Z")));

    assertThat(c.collateralValidFrom()).contains(Instant.parse("2022-09-24T00:55:28Z"));
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2029-09-24T00:55:28Z"));
  }

  @Test
  void goSevGuest_atTheWallClock_verifiesWhileItsVcekIsValid() throws Exception {
    // TestRealAttestationVerification sets no instant: the clock when the test runs. The outcome
    // therefore depends on the date, and both outcomes are the stated ones.
    Instant now = Instant.now();
    if (now.isAfter(Instant.parse("2029-09-24T00:55:28Z"))) {
      assertThat(reasonOf(() -> verify(GSG_CASE, now))).isEqualTo(Reason.VCEK_CHAIN_INVALID);
    } else {
      assertThat(verify(GSG_CASE, now).evidenceType()).isEqualTo(EvidenceType.SNP);
    }
  }

  @Test
  void goSevGuest_hasTheStatedFieldValues() throws Exception {
    VerifiedClaims c = verify(GSG_CASE);

    assertThat(number(c, "version")).isEqualTo(2);
    assertThat(text(c, "productName")).isEqualTo("Milan-B0");
    assertThat(text(c, "signingKey")).isEqualTo("vcek");
    assertThat(hex(c, "measurement"))
        .isEqualTo(
            "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b"
                + "6bdf8a9ece31a5a608eb0cf2e4872b01");
    assertThat(hex(c, "reportId"))
        .isEqualTo("8edc638e1857c555d21f6b11bda3c8b1b5a09dba4852b4c8ee7aa2f16f22cc0a");
    assertThat(hex(c, "reportIdMa")).isEqualTo("ff".repeat(32));
    assertThat(hex(c, "chipId"))
        .isEqualTo(
            "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e5378618"
                + "4ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d");
    assertThat(hex(c, "reportData")).isEqualTo("0102030405" + "00".repeat(59));
    assertThat(hex(c, "hostData")).isEqualTo("00".repeat(32));
    assertThat(hex(c, "familyId")).isEqualTo("00".repeat(16));
    assertThat(hex(c, "imageId")).isEqualTo("00".repeat(16));
    assertThat(hex(c, "idKeyDigest")).isEqualTo("00".repeat(48));
    assertThat(hex(c, "authorKeyDigest")).isEqualTo("00".repeat(48));
    for (String tcb : List.of("currentTcb", "reportedTcb", "committedTcb", "launchTcb")) {
      assertThat(number(c, tcb)).as(tcb).isEqualTo(0x4405000000000002L);
      assertThat(number(c, tcb + "Bootloader")).as(tcb).isEqualTo(2);
      assertThat(number(c, tcb + "Tee")).as(tcb).isZero();
      assertThat(number(c, tcb + "Snp")).as(tcb).isEqualTo(5);
      assertThat(number(c, tcb + "Microcode")).as(tcb).isEqualTo(68);
      assertThat(c.claim(tcb + "Fmc")).as(tcb).isEmpty();
    }
    assertThat(number(c, "policy")).isEqualTo(0xB0000);
    assertThat(c.debug()).isTrue();
    assertThat(flag(c, "policyDebug")).isTrue();
    assertThat(flag(c, "policySmt")).isTrue();
    assertThat(flag(c, "policyMigrateMa")).isFalse();
    assertThat(number(c, "currentBuild")).isEqualTo(3);
    assertThat(number(c, "currentMajor")).isEqualTo(1);
    assertThat(number(c, "currentMinor")).isEqualTo(49);
    assertThat(number(c, "committedBuild")).isEqualTo(3);
    assertThat(flag(c, "authorKeyEn")).isFalse();
    assertThat(number(c, "vmpl")).isZero();
    assertThat(number(c, "platformInfo")).isEqualTo(1);
    assertThat(flag(c, "platformInfoSmtEn")).isTrue();
    assertThat(flag(c, "platformInfoTsmeEn")).isFalse();
    assertThat(c.claim("cpuidFamId")).isEmpty();
  }

  /**
   * go-sev-guest's {@code tools/check} table: each accepted value is what the claims say, and each
   * rejected one is not (the checks themselves are a policy's; the claims carry what they need).
   */
  @Test
  void goSevGuest_claims_acceptWhatTheCheckToolAccepts_andRejectWhatItRejects() throws Exception {
    VerifiedClaims c = verify(GSG_CASE);

    assertThat(hex(c, "reportData"))
        .isEqualTo("0102030405" + "00".repeat(59))
        .isNotEqualTo("00".repeat(63) + "01");
    assertThat(hex(c, "hostData")).isNotEqualTo("00".repeat(31) + "01");
    assertThat(hex(c, "familyId")).isNotEqualTo("00".repeat(15) + "01");
    assertThat(hex(c, "imageId")).isNotEqualTo("00".repeat(15) + "01");
    assertThat(hex(c, "chipId")).endsWith("5d").doesNotEndWith("5e").hasSize(128);
    // minimum_tcb 0x4405000000000002 is met; 0x4405000000000003 asks for boot loader 3 > 2.
    assertThat(number(c, "reportedTcbBootloader")).isEqualTo(2).isLessThan(3);
    assertThat(number(c, "launchTcbBootloader")).isEqualTo(2).isLessThan(3);
    // guest_policy {Debug, SMT} allows the report; policy 0 forbids both, "debug" forbids SMT.
    assertThat(flag(c, "policyDebug")).isTrue();
    assertThat(flag(c, "policySmt")).isTrue();
    // min_build 0 met, 90 not; min_version 1.49 met, 1.50 not.
    assertThat(number(c, "currentBuild")).isBetween(0L, 89L);
    assertThat(number(c, "currentMajor") * 100 + number(c, "currentMinor"))
        .isGreaterThanOrEqualTo(149)
        .isLessThan(150);
    // require_author_key and require_idblock fail: no author key, no ID block.
    assertThat(flag(c, "authorKeyEn")).isFalse();
    assertThat(hex(c, "idKeyDigest")).isEqualTo("00".repeat(48));
    // vmpl 0 met, 1 not; platform_info 1 (SMT allowed) met, 0 not: SMT_EN is set.
    assertThat(number(c, "vmpl")).isZero();
    assertThat(number(c, "platformInfo")).isEqualTo(1);
  }

  @Test
  void goSevGuest_vcekIsStepping0_soAMachineOfStepping12IsNotIt() throws Exception {
    // "expected product stepping 12, got 0": the verifier takes no expected product; the claims
    // name the VCEK's productName, whose stepping a caller compares.
    assertThat(text(verify(GSG_CASE), "productName")).isEqualTo("Milan-B0");
    assertThat(
            EndorsementKey.parse(SnpVectors.certificate(GSG + "vcek.testcer"))
                .stepping()
                .orElse(-1))
        .isZero()
        .isNotEqualTo(12);
  }

  // --- trustee-milan-vcek ------------------------------------------------------------------------

  @Test
  void trusteeVcek_verifiesWithTheMilanBundleOfAskArkAndAsvk() throws Exception {
    // check_vcek_signature_verification and check_report_signature (with verify_report_tcb).
    VerifiedClaims c =
        VERIFIER.verify(
            bytes(TRUSTEE_VCEK + "test-report.bin"),
            collateral(TRUSTEE_VCEK + "test-vcek.der", TRUSTEE_VCEK + "milan_ask_ark_asvk.pem"),
            VerificationOptions.at(TRUSTEE_VCEK_CASE.at()));

    assertThat(text(c, "productName")).isEqualTo("Milan-B0");
    assertThat(c.collateralValidFrom()).contains(Instant.parse("2023-01-24T17:58:26Z"));
  }

  @Test
  void trusteeVcek_hasTheObservedFieldValues() throws Exception {
    VerifiedClaims c = verify(TRUSTEE_VCEK_CASE);

    assertThat(number(c, "version")).isEqualTo(2);
    assertThat(number(c, "guestSvn")).isEqualTo(4);
    assertThat(number(c, "policy")).isEqualTo(0x3001F);
    assertThat(c.debug()).isFalse();
    assertThat(flag(c, "policySmt")).isTrue();
    assertThat(flag(c, "policyMigrateMa")).isFalse();
    assertThat(number(c, "policyAbiMinor")).isEqualTo(31);
    assertThat(hex(c, "familyId")).isEqualTo("01" + "00".repeat(15));
    assertThat(hex(c, "imageId")).isEqualTo("02" + "00".repeat(15));
    assertThat(hex(c, "idKeyDigest"))
        .isEqualTo(
            "0356215882a825279a85b300b0b742931d113bf7e32dde2e50ffde7ec743ca49"
                + "1ecdd7f336dc28a6e0b2bb57af7a44a3");
    assertThat(hex(c, "measurement"))
        .isEqualTo(
            "a1f3930413247bb38cfc171579ea3c12d5fe4901f0c792f63fd75d98f1ef827c"
                + "23500644e0e692e6be917f9050d3d38c");
    assertThat(hex(c, "reportData"))
        .isEqualTo(
            "ec6c52d7533cc2c4f45be7849cf112ab82b2009fe7bd43e71ed08c14400ad7e2" + "00".repeat(32));
    assertThat(number(c, "reportedTcb")).isEqualTo(0x7308000000000003L);
    assertThat(number(c, "currentTcbMicrocode")).isEqualTo(206);
    assertThat(number(c, "committedTcbMicrocode")).isEqualTo(115);
    assertThat(number(c, "launchTcbMicrocode")).isEqualTo(115);
    assertThat(number(c, "currentMajor") * 100 + number(c, "currentMinor")).isEqualTo(152);
    assertThat(number(c, "currentBuild")).isEqualTo(4);
    assertThat(hex(c, "chipId"))
        .isEqualTo(
            "c38427a30d4c7af9d96f7a15b97269825a64cb76a2352ffd5d18115d89ad473f"
                + "8e8c0bcd9a5d9286612bad4aadfb4426205a3b9e4fea82301135a170e477524e");
    assertThat(number(c, "vmpl")).isZero();
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2030-01-24T17:58:26Z"));
  }

  @Test
  void trusteeVcek_reportedTcbIsTheVceksSpls_andChipIdItsHwId() throws Exception {
    // verify_report_tcb passes (and the chip check trustee means to make, R5.4.1, holds too).
    SnpReport report = SnpReport.parse(bytes(TRUSTEE_VCEK + "test-report.bin"));
    EndorsementKey vcek =
        EndorsementKey.parse(SnpVectors.certificate(TRUSTEE_VCEK + "test-vcek.der"));

    ReportBinding.checkTcb(report.tcbs(ProductLine.MILAN).reported(), vcek);
    ReportBinding.checkChip(report, vcek);
    assertThat(vcek.hwId()).hasValueSatisfying(h -> assertThat(h).isEqualTo(report.chipId()));
  }

  // --- trustee-milan-vlek ------------------------------------------------------------------------

  @Test
  void trusteeVlek_verifiesAtTheReadmesInstant_asAVlekReportOfVersion3() throws Exception {
    VerifiedClaims c = verify(TRUSTEE_VLEK_CASE);

    assertThat(TRUSTEE_VLEK_CASE.at()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(number(c, "version")).isEqualTo(3);
    assertThat(text(c, "signingKey")).isEqualTo("vlek");
    assertThat(text(c, "productName")).isEqualTo("Milan");
    assertThat(text(c, "cspId")).isEqualTo("CN=cc-us-east-2.amazonaws.com");
    assertThat(number(c, "vmpl")).isEqualTo(1);
    assertThat(number(c, "flags")).isEqualTo(4);
    assertThat(number(c, "cpuidFamId")).isEqualTo(0x19);
    assertThat(number(c, "cpuidModId")).isEqualTo(0x01);
    assertThat(number(c, "cpuidStep")).isEqualTo(0x01);
    assertThat(number(c, "platformInfo")).isEqualTo(0x27);
    assertThat(flag(c, "platformInfoSmtEn")).isTrue();
    assertThat(flag(c, "platformInfoTsmeEn")).isTrue();
    assertThat(flag(c, "platformInfoEccEn")).isTrue();
    assertThat(flag(c, "platformInfoAliasCheckComplete")).isTrue();
    assertThat(flag(c, "platformInfoRaplDis")).isFalse();
    assertThat(hex(c, "chipId")).isEqualTo("00".repeat(64));
    assertThat(number(c, "reportedTcb")).isEqualTo(0xD918000000000004L);
    assertThat(number(c, "reportedTcbMicrocode")).isEqualTo(217);
    assertThat(number(c, "committedTcbMicrocode")).isEqualTo(219);
    assertThat(number(c, "currentTcbMicrocode")).isEqualTo(220);
    assertThat(number(c, "currentTcbSnp")).isEqualTo(24);
    assertThat(number(c, "policy")).isEqualTo(0x30000);
    assertThat(c.debug()).isFalse();
    assertThat(hex(c, "measurement"))
        .isEqualTo(
            "8922ebbdd00ec2c541f36a6e7a82a8773a7accb451ed67bc94e740dbe92c93c4"
                + "e8c9af857f5ceeb5a493df2a570d7bf0");
    assertThat(hex(c, "reportData"))
        .isEqualTo(
            "819770b7e6ea6df8dd8fd4dd146b073c0bf4f3ce5b0977ecac486e3a05ed1bd5"
                + "4e2a7ac1f5d1ca02e7d7d5ef9f73b8574fd9359e3a480d741a4478e8a7bc27ca");
    assertThat(c.collateralValidFrom()).contains(Instant.parse("2024-12-10T22:14:21Z"));
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2025-12-10T22:14:21Z"));
  }

  @Test
  void trusteeVlek_chainsThroughTheAsvkOfTheBundle() throws Exception {
    VerifiedClaims c =
        VERIFIER.verify(
            bytes(TRUSTEE_VLEK + "test-vlek-report.bin"),
            collateral(TRUSTEE_VLEK + "test-vlek.der", TRUSTEE_VLEK + "milan_ask_ark_asvk.pem"),
            VerificationOptions.at(TRUSTEE_VLEK_CASE.at()));

    assertThat(text(c, "signingKey")).isEqualTo("vlek");
  }

  @Test
  void trusteeVlek_atTodaysDate_isRefused_becauseTheVlekHasExpired() {
    // Deviation by design: trustee checks no dates, so its tests still pass; ours check them.
    assertThat(reasonOf(() -> verify(TRUSTEE_VLEK_CASE, Instant.parse("2026-11-21T00:00:00Z"))))
        .isEqualTo(Reason.VCEK_CHAIN_INVALID);
  }

  // --- trustee-azure-hcl-milan -------------------------------------------------------------------

  @Test
  void azureHcl_verifiesAsSnpAzureHcl_withTheObservedValues() throws Exception {
    VerifiedClaims c = verify(AZURE_CASE);
    byte[] hcl = AZURE_CASE.reportBytes();
    byte[] variableData = Arrays.copyOfRange(hcl, 0x4D4, 0x92A);

    assertThat(c.evidenceType()).isEqualTo(EvidenceType.SNP_AZURE_HCL);
    assertThat(number(c, "version")).isEqualTo(2);
    assertThat(number(c, "guestSvn")).isEqualTo(5);
    assertThat(number(c, "policy")).isEqualTo(0x3001F);
    assertThat(c.debug()).isFalse();
    assertThat(number(c, "vmpl")).isZero();
    assertThat(hex(c, "measurement"))
        .isEqualTo(
            "9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308"
                + "b459d5ef1a12e0c22944eb386d17c315");
    assertThat(hex(c, "reportData"))
        .isEqualTo(
            "b3fbad6514c83caeb0380882145e49f794229ef37c421b91fc47ff93556bafac" + "00".repeat(32));
    // test_verify_report_data: the variable data's SHA-256 is the report data.
    assertThat(Arrays.copyOf(c.reportData(), 32))
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(variableData));
    assertThat(c.claim("hclVariableData")).contains(new ClaimValue.Bytes(variableData));
    assertThat(number(c, "reportedTcb")).isEqualTo(0x7308000000000003L);
    assertThat(number(c, "currentTcbMicrocode")).isEqualTo(210);
    assertThat(hex(c, "chipId")).startsWith("19752a44").endsWith("838c6cca");
    assertThat(c.collateralValidFrom()).contains(Instant.parse("2023-05-02T21:22:19Z"));
    assertThat(c.collateralValidUntil()).contains(Instant.parse("2030-05-02T21:22:19Z"));
  }

  @Test
  void azureHcl_embeddedSnpReport_isDetectedAndVerifiedOnItsOwn() throws Exception {
    byte[] snp = Arrays.copyOfRange(AZURE_CASE.reportBytes(), 0x20, 0x20 + SnpReport.SIZE);

    VerifiedClaims c =
        VERIFIER.verify(snp, AZURE_CASE.loadCollateral(), VerificationOptions.at(AZURE_CASE.at()));

    assertThat(c.evidenceType()).isEqualTo(EvidenceType.SNP);
    assertThat(c.claims()).containsAllEntriesOf(withoutHclClaims(verify(AZURE_CASE)));
  }

  private static java.util.Map<String, ClaimValue> withoutHclClaims(VerifiedClaims c) {
    java.util.Map<String, ClaimValue> m = new java.util.LinkedHashMap<>(c.claims());
    m.keySet().removeIf(k -> k.startsWith("hcl"));
    return m;
  }

  @Test
  void azureHcl_byte0x1A6Zeroed_isRefused_onTheSignatureHere_andOnTheSnpSplByTrustee()
      throws Exception {
    // test_verify_snp_report_failure: "SNP version mismatch". Trustee compares the TCB before the
    // signature; the full verification here checks the signature first, and the binding step on
    // its own gives trustee's outcome.
    byte[] hcl = AZURE_CASE.reportBytes();
    hcl[0x1A6] = 0;
    SnpReport report = SnpReport.parse(HclReport.parse(hcl).snpReport());
    EndorsementKey vcek = EndorsementKey.parse(SnpVectors.certificate(AZURE_CASE.leaf()));

    assertThat(
            reasonOf(() ->
                VERIFIER.verify(
                    new Evidence(EvidenceType.SNP_AZURE_HCL, hcl),
                    AZURE_CASE.loadCollateral(),
                    VerificationOptions.at(AZURE_CASE.at()))))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    assertThat(
            reasonOf(() -> ReportBinding.checkTcb(report.tcbs(ProductLine.MILAN).reported(), vcek)))
        .isEqualTo(Reason.TCB_MISMATCH);
  }

  @Test
  void azureHcl_byte0x6E0Changed_isRefused_becauseTheVariableDataNoLongerMatches() {
    // test_verify_report_data: the digest no longer matches REPORT_DATA; the SNP report's own
    // signature is intact, so the failure is the binding's.
    byte[] hcl = plusOne(AZURE_CASE.reportBytes(), 0x6E0);

    assertThat(
            reasonOf(() ->
                VERIFIER.verify(
                    hcl, AZURE_CASE.loadCollateral(), VerificationOptions.at(AZURE_CASE.at()))))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
  }

  // --- amd-kds-cert-chains -----------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource({
    "go-sev-guest_ask_ark_milan.pem,      Milan, SEV-Milan",
    "go-sev-guest_ask_ark_milan_vlek.pem, Milan, SEV-VLEK-Milan",
    "go-sev-guest_ask_ark_genoa.pem,      Genoa, SEV-Genoa",
    "go-sev-guest_ask_ark_genoa_vlek.pem, Genoa, SEV-VLEK-Genoa",
    "go-sev-guest_ask_ark_turin_vcek.pem, Turin, SEV-Turin",
    "go-sev-guest_ask_ark_turin_vlek.pem, Turin, SEV-VLEK-Turin",
    "trustee_milan_ask_ark_asvk.pem,      Milan, SEV-Milan SEV-VLEK-Milan",
    "trustee_genoa_ask_ark_asvk.pem,      Genoa, SEV-Genoa SEV-VLEK-Genoa",
    "trustee_turin_ask_ark_asvk.pem,      Turin, SEV-Turin SEV-VLEK-Turin"
  })
  void kdsBundles_holdThePinnedArk_andIntermediatesItSigned(
      String file, String product, String intermediates) throws Exception {
    List<X509Certificate> certs = collateral(KDS + file).certificates();
    X509Certificate ark =
        certs.stream()
            .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
            .findFirst()
            .orElseThrow();
    List<X509Certificate> others = certs.stream().filter(c -> c != ark).toList();

    assertThat(CommonName.of(ark.getSubjectX500Principal())).contains("ARK-" + product);
    assertThat(HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(ark.getEncoded())))
        .isEqualTo(TrustAnchors.AMD_ARK_SHA256.get(product));
    assertThat(TrustAnchors.defaults().amdRoots()).contains(ark);
    assertThat(others)
        .extracting(c -> CommonName.of(c.getSubjectX500Principal()).orElseThrow())
        .containsExactlyInAnyOrder(intermediates.split(" "));
    ark.verify(ark.getPublicKey());
    for (X509Certificate c : others) {
      c.verify(ark.getPublicKey());
      assertThat(c.getIssuerX500Principal()).isEqualTo(ark.getSubjectX500Principal());
      assertThat(TrustAnchors.defaults().amdIntermediates()).contains(c);
    }
  }

  @Test
  void theSameArkAskAndAsvk_appearInBothRepositories() throws Exception {
    // Collector observation: identical DER in go-sev-guest's and trustee's bundles.
    for (String line : List.of("milan", "genoa", "turin")) {
      Collateral trustee = collateral(KDS + "trustee_" + line + "_ask_ark_asvk.pem");
      String vcek = line.equals("turin") ? "_vcek" : "";
      Collateral gsg =
          collateral(
              KDS + "go-sev-guest_ask_ark_" + line + vcek + ".pem",
              KDS + "go-sev-guest_ask_ark_" + line + "_vlek.pem");

      assertThat(trustee.certificates()).containsAll(gsg.certificates());
      assertThat(gsg.certificates()).containsAll(trustee.certificates());
    }
  }

  // --- evidence types ----------------------------------------------------------------------------

  @Test
  void snpEvidence_isNotAcceptedAsAnotherType_andNorIsHcl() throws Exception {
    byte[] snp = TRUSTEE_VCEK_CASE.reportBytes();
    Collateral collateral = TRUSTEE_VCEK_CASE.loadCollateral();
    VerificationOptions at = VerificationOptions.at(TRUSTEE_VCEK_CASE.at());

    assertThat(
            reasonOf(() ->
                VERIFIER.verify(new Evidence(EvidenceType.SNP_AZURE_HCL, snp), collateral, at)))
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
    assertThat(
            reasonOf(() ->
                VERIFIER.verify(
                    new Evidence(EvidenceType.SNP, AZURE_CASE.reportBytes()), collateral, at)))
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
  }
}
