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
import io.coffer.attestation.verifier.AttestationVerifier;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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

  private static void fails(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(reason);
  }

  private static Collateral trusteeVcek() throws AttestationException {
    return collateral(TRUSTEE_VCEK + "test-vcek.der", TRUSTEE_VCEK + "milan_ask_ark_asvk.pem");
  }

  private static Collateral trusteeVlek() throws AttestationException {
    return collateral(TRUSTEE_VLEK + "test-vlek.der", TRUSTEE_VLEK + "milan_ask_ark_asvk.pem");
  }

  @Test
  void trusteeVcekReport_byte384Tampered_failsOnTheSignatureBeforeTheTcb() throws Exception {
    // Trustee's test calls the TCB comparison alone (ReportBindingTest); a full verification sees
    // the signature broken first, since REPORTED_TCB is signed.
    fails(
        () ->
            verify(plusOne(bytes(TRUSTEE_VCEK + "test-report.bin"), 384), trusteeVcek(), VCEK_TIME),
        Reason.REPORT_SIGNATURE_INVALID,
        "does not verify with its SEV-VCEK (Milan-B0)");
  }

  @Test
  void trusteeVcek_byte42Tampered_failsTheChain() throws Exception {
    X509Certificate tampered =
        SnpVectors.lenientCertificate(plusOne(bytes(TRUSTEE_VCEK + "test-vcek.der"), 42));

    fails(
        () ->
            verify(
                bytes(TRUSTEE_VCEK + "test-report.bin"),
                Collateral.of(List.of(tampered), List.of(), List.of()),
                VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VCEK signed by SEV-Milan");
  }

  @Test
  void trusteeVcek_withTheAsvkInPlaceOfTheAsk_failsTheChain() throws Exception {
    List<X509Certificate> certs =
        new ArrayList<>(collateral(TRUSTEE_VCEK + "test-vcek.der").certificates());
    certs.addAll(collateral(SnpVectors.KDS + "go-sev-guest_ask_ark_milan_vlek.pem").certificates());

    fails(
        () ->
            verify(
                bytes(TRUSTEE_VCEK + "test-report.bin"),
                Collateral.of(certs, List.of(), List.of()),
                VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "an ASK issues VCEKs only");
  }

  @Test
  void trusteeVlekReport_tampered_failsOnTheSignature() throws Exception {
    byte[] report = bytes(TRUSTEE_VLEK + "test-vlek-report.bin");

    fails(
        () -> verify(plusOne(report, 42), trusteeVlek(), VLEK_TIME),
        Reason.REPORT_SIGNATURE_INVALID,
        "SEV-VLEK");
    fails(
        () -> verify(plusOne(report, 384), trusteeVlek(), VLEK_TIME),
        Reason.REPORT_SIGNATURE_INVALID,
        "SEV-VLEK");
  }

  @Test
  void trusteeVlek_atTodaysDate_failsTheChain_becauseItHasExpired() {
    fails(
        () ->
            verify(
                bytes(TRUSTEE_VLEK + "test-vlek-report.bin"),
                trusteeVlek(),
                Instant.parse("2026-11-21T00:00:00Z")),
        Reason.VCEK_CHAIN_INVALID,
        "until 2025-12-10T22:14:21Z");
  }

  @Test
  void vlekReport_withOnlyAVcek_isMissingItsKey() {
    fails(
        () -> verify(bytes(TRUSTEE_VLEK + "test-vlek-report.bin"), trusteeVcek(), VLEK_TIME),
        Reason.COLLATERAL_MISSING,
        "signed by a SEV-VLEK (SIGNING_KEY) and the collateral has only a certificate of the other");
  }

  @Test
  void report_withoutCollateral_isMissingItsKey() {
    fails(
        () -> verify(bytes(GSG + "attestation.bin"), Collateral.empty(), VCEK_TIME),
        Reason.COLLATERAL_MISSING,
        "no VCEK or VLEK");
  }

  @Test
  void report_withAnotherChipsVcek_failsOnTheSignature() {
    fails(
        () -> verify(bytes(GSG + "attestation.bin"), trusteeVcek(), VCEK_TIME),
        Reason.REPORT_SIGNATURE_INVALID,
        "does not verify");
  }

  @Test
  void report_withSeveralVceks_usesTheOneThatSignedIt() throws Exception {
    Collateral both = trusteeVcek().plus(collateral(GSG + "vcek.testcer"));

    VerifiedClaims c = verify(bytes(GSG + "attestation.bin"), both, VCEK_TIME);

    assertThat(c.claim("reportedTcb")).contains(number(0x4405000000000002L));
  }

  @Test
  void milanVcek_withAGenoaChain_fails() {
    fails(
        () ->
            verify(
                bytes(GSG + "attestation.bin"),
                collateral(GSG + "vcek.testcer", SnpVectors.KDS + "go-sev-guest_ask_ark_genoa.pem"),
                VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "not among the collateral [SEV-Genoa]");
  }

  @Test
  void milanVlekReport_claimingAGenoaCpu_failsBeforeItsSignature() {
    byte[] report = bytes(TRUSTEE_VLEK + "test-vlek-report.bin");
    report[0x189] = 0x11;

    fails(
        () -> verify(report, trusteeVlek(), VLEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "the report's CPUID is a Genoa but its SEV-VLEK and chain are for Milan");
  }

  @Test
  void evidenceOfAnotherType_isRefused() {
    assertThatThrownBy(() ->
            verifier.verify(
                new Evidence(EvidenceType.SNP_AZURE_HCL, bytes(GSG + "attestation.bin")),
                Collateral.empty(),
                VerificationOptions.at(VCEK_TIME)))
        .isInstanceOf(AttestationException.class)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void signatureOnly_changesNothing() throws Exception {
    VerifiedClaims c =
        verifier.verify(
            new Evidence(EvidenceType.SNP, bytes(GSG + "attestation.bin")),
            collateral(GSG + "vcek.testcer"),
            VerificationOptions.at(VCEK_TIME).signaturesOnly());

    assertThat(c.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(c.claim("measurement")).isPresent();
  }

  @Test
  void theFacade_detectsAndVerifiesSnpReports() throws Exception {
    VerifiedClaims c =
        AttestationVerifier.create(TrustAnchors.defaults())
            .verify(
                bytes(GSG + "attestation.bin"),
                collateral(GSG + "vcek.testcer"),
                VerificationOptions.at(VCEK_TIME));

    assertThat(c.evidenceType()).isEqualTo(EvidenceType.SNP);
  }

  // Made-up chains of other product lines (TestAmdPki), signed with test keys.

  private static final byte[] HW_ID_64 = filled(64, 0x5A);

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) v);
    return b;
  }

  private static VerifiedClaims verifySynthetic(TestAmdPki.Chain pki, byte[] report)
      throws AttestationException {
    return new SnpVerifier(pki.anchors())
        .verify(
            new Evidence(EvidenceType.SNP, report),
            pki.collateral(),
            VerificationOptions.at(TestAmdPki.AT));
  }

  private static TestAmdPki.Chain genoa(long tcb) throws AttestationException {
    return TestAmdPki.chain(
        ProductLine.GENOA,
        SigningKey.VCEK,
        TcbVersion.decode(tcb, ProductLine.GENOA, "t"),
        HW_ID_64);
  }

  @Test
  void genoaV3Report_verifies() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] report =
        new ReportBuilder(3).cpuid(0x19, 0x11, 0).tcb(tcb).chipId(HW_ID_64).signedBy(pki.leafKey());

    VerifiedClaims c = verifySynthetic(pki, report);

    assertThat(c.claim("product")).contains(new ClaimValue.Text("Genoa"));
    assertThat(c.claim("reportedTcbSnp")).contains(number(21));
    assertThat(c.claim("cpuidModId")).contains(number(0x11));
    assertThat(c.collateralValidUntil()).contains(TestAmdPki.NOT_AFTER);
  }

  @Test
  void turinV5Report_verifies_withFmcAndMitigationVectors() throws Exception {
    long tcb = ReportBuilder.turinTcb(3, 4, 0, 27, 80);
    byte[] hwId = {9, 8, 7, 6, 5, 4, 3, 2};
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.TURIN,
            SigningKey.VCEK,
            TcbVersion.decode(tcb, ProductLine.TURIN, "t"),
            hwId);
    byte[] chipId = new byte[64];
    System.arraycopy(hwId, 0, chipId, 0, 8);
    byte[] report =
        new ReportBuilder(5)
            .cpuid(0x1A, 0x02, 0)
            .tcb(tcb)
            .chipId(chipId)
            .u64(0x1F8, 5)
            .u64(0x200, 7)
            .signedBy(pki.leafKey());

    VerifiedClaims c = verifySynthetic(pki, report);

    assertThat(c.claim("product")).contains(new ClaimValue.Text("Turin"));
    assertThat(c.claim("reportedTcbFmc")).contains(number(3));
    assertThat(c.claim("launchTcbFmc")).contains(number(3));
    assertThat(c.claim("reportedTcbBootloader")).contains(number(4));
    assertThat(c.claim("reportedTcbMicrocode")).contains(number(80));
    assertThat(c.claim("launchMitVector")).contains(number(5));
    assertThat(c.claim("currentMitVector")).contains(number(7));
  }

  @Test
  void validlySignedReport_ofAnotherTcbThanItsVcek_isATcbMismatch() throws Exception {
    TestAmdPki.Chain pki = genoa(ReportBuilder.milanTcb(9, 0, 21, 72));
    byte[] report =
        new ReportBuilder(3)
            .cpuid(0x19, 0x11, 0)
            .tcb(ReportBuilder.milanTcb(9, 0, 22, 72))
            .chipId(HW_ID_64)
            .signedBy(pki.leafKey());

    fails(
        () -> verifySynthetic(pki, report),
        Reason.TCB_MISMATCH,
        "REPORTED_TCB SNP SPL 22 differs from the SEV-VCEK's snpSPL 21");
  }

  @Test
  void validlySignedReport_ofAnotherChip_isAChipMismatch() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] report =
        new ReportBuilder(3)
            .cpuid(0x19, 0x11, 0)
            .tcb(tcb)
            .chipId(filled(64, 0x5B))
            .signedBy(pki.leafKey());

    fails(
        () -> verifySynthetic(pki, report),
        Reason.TCB_MISMATCH,
        "is not the chip the VCEK was issued for");
  }

  @Test
  void validlySignedReport_withAMaskedChipId_verifies() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] report = new ReportBuilder(3).cpuid(0x19, 0x11, 0).tcb(tcb).signedBy(pki.leafKey());

    assertThat(verifySynthetic(pki, report).claim("chipId")).contains(hex("00".repeat(64)));
  }

  @Test
  void validlySignedReport_ofAnotherProductLineThanItsChain_failsTheChain() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] report =
        new ReportBuilder(3).cpuid(0x19, 0x01, 0).tcb(tcb).chipId(HW_ID_64).signedBy(pki.leafKey());

    fails(
        () -> verifySynthetic(pki, report),
        Reason.VCEK_CHAIN_INVALID,
        "the report's CPUID is a Milan but its SEV-VCEK and chain are for Genoa");
  }

  @Test
  void v2Report_withATurinChain_isUnsupported() throws Exception {
    long tcb = ReportBuilder.turinTcb(1, 2, 3, 4, 5);
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.TURIN,
            SigningKey.VCEK,
            TcbVersion.decode(tcb, ProductLine.TURIN, "t"),
            new byte[8]);
    byte[] report = new ReportBuilder(2).tcb(tcb).signedBy(pki.leafKey());

    fails(() -> verifySynthetic(pki, report), Reason.UNSUPPORTED_VERSION, "Turin");
  }

  @Test
  void unsignedReports_areRefused() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] masked =
        new ReportBuilder(3).cpuid(0x19, 0x11, 0).tcb(tcb).flags(2).signedBy(pki.leafKey());
    byte[] none = new ReportBuilder(3).cpuid(0x19, 0x11, 0).tcb(tcb).flags(7 << 2).unsigned();

    fails(() -> verifySynthetic(pki, masked), Reason.REPORT_SIGNATURE_INVALID, "MASK_CHIP_KEY");
    fails(() -> verifySynthetic(pki, none), Reason.REPORT_SIGNATURE_INVALID, "SIGNING_KEY is none");
  }

  @Test
  void signatureComponentsOutOfRange_doNotVerify() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki = genoa(tcb);
    byte[] report =
        new ReportBuilder(3).cpuid(0x19, 0x11, 0).tcb(tcb).chipId(HW_ID_64).signedBy(pki.leafKey());
    byte[] zeroR = report.clone();
    java.util.Arrays.fill(zeroR, 0x2A0, 0x2A0 + 48, (byte) 0);
    byte[] maxS = report.clone();
    java.util.Arrays.fill(maxS, 0x2E8, 0x2E8 + 48, (byte) 0xFF);

    fails(() -> verifySynthetic(pki, zeroR), Reason.REPORT_SIGNATURE_INVALID, "does not verify");
    fails(() -> verifySynthetic(pki, maxS), Reason.REPORT_SIGNATURE_INVALID, "does not verify");
    assertThat(verifySynthetic(pki, report).claim("product")).isPresent();
  }
}
