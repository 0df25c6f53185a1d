package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.certificate;
import static io.coffer.attestation.amd.SnpVectors.plusOne;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Arrays;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.ASN1Integer;
import org.junit.jupiter.api.Test;

/** The TCB and chip binding on its own, as trustee's {@code verify_report_tcb} tests it. */
class ReportBindingTest {

  private static void mismatch(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.TCB_MISMATCH);
  }

  private static TcbVersion reported(byte[] report) throws AttestationException {
    return SnpReport.parse(report).tcbs(ProductLine.MILAN).reported();
  }

  private static EndorsementKey key(String path) throws AttestationException {
    return EndorsementKey.parse(certificate(path));
  }

  private static byte[] azureReport(byte[] hcl) {
    return Arrays.copyOfRange(hcl, 0x20, 0x20 + SnpReport.SIZE);
  }

  @Test
  void vectors_reportedTcb_isTheCertificatesSpls() {
    assertThatCode(
            () -> {
              ReportBinding.checkTcb(
                  reported(bytes(GSG + "attestation.bin")), key(GSG + "vcek.testcer"));
              ReportBinding.checkTcb(
                  reported(bytes(TRUSTEE_VCEK + "test-report.bin")),
                  key(TRUSTEE_VCEK + "test-vcek.der"));
              ReportBinding.checkTcb(
                  reported(bytes(TRUSTEE_VLEK + "test-vlek-report.bin")),
                  key(TRUSTEE_VLEK + "test-vlek.der"));
              ReportBinding.checkTcb(
                  reported(azureReport(bytes(AZURE + "hcl-report.bin"))), key(AZURE + "vcek.pem"));
            })
        .doesNotThrowAnyException();
  }

  @Test
  void trusteeVcekReport_byte384Tampered_bootLoaderMismatch() throws Exception {
    TcbVersion tampered = reported(plusOne(bytes(TRUSTEE_VCEK + "test-report.bin"), 384));

    mismatch(
        () -> ReportBinding.checkTcb(tampered, key(TRUSTEE_VCEK + "test-vcek.der")),
        "REPORTED_TCB boot loader SPL 4 differs from the SEV-VCEK's blSPL 3");
  }

  @Test
  void trusteeVlekReport_byte384Tampered_bootLoaderMismatch() throws Exception {
    TcbVersion tampered = reported(plusOne(bytes(TRUSTEE_VLEK + "test-vlek-report.bin"), 384));

    mismatch(
        () -> ReportBinding.checkTcb(tampered, key(TRUSTEE_VLEK + "test-vlek.der")),
        "REPORTED_TCB boot loader SPL 5 differs from the SEV-VLEK's blSPL 4");
  }

  @Test
  void azureHcl_byte0x1A6Zeroed_snpMismatch() throws Exception {
    byte[] hcl = bytes(AZURE + "hcl-report.bin");
    hcl[0x1A6] = 0;
    TcbVersion tampered = reported(azureReport(hcl));

    mismatch(
        () -> ReportBinding.checkTcb(tampered, key(AZURE + "vcek.pem")),
        "REPORTED_TCB SNP SPL 0 differs from the SEV-VCEK's snpSPL 8");
  }

  @Test
  void microcode_isComparedFirst() throws Exception {
    byte[] r = bytes(TRUSTEE_VCEK + "test-report.bin");
    r[0x187]++;
    r[0x180]++;
    TcbVersion tampered = reported(r);

    mismatch(
        () -> ReportBinding.checkTcb(tampered, key(TRUSTEE_VCEK + "test-vcek.der")),
        "microcode SPL 116 differs from the SEV-VCEK's ucodeSPL 115");
  }

  @Test
  void turinFmc_isCompared() throws Exception {
    TcbVersion certified =
        TcbVersion.decode(ReportBuilder.turinTcb(1, 2, 3, 4, 5), ProductLine.TURIN, "t");
    TcbVersion other =
        TcbVersion.decode(ReportBuilder.turinTcb(9, 2, 3, 4, 5), ProductLine.TURIN, "t");
    EndorsementKey vcek =
        EndorsementKey.parse(
            TestAmdPki.chain(ProductLine.TURIN, SigningKey.VCEK, certified, new byte[8]).leaf());

    assertThatCode(() -> ReportBinding.checkTcb(certified, vcek)).doesNotThrowAnyException();
    mismatch(
        () -> ReportBinding.checkTcb(other, vcek),
        "FMC SPL 9 differs from the SEV-VCEK's fmcSPL 1");
  }

  @Test
  void nonZeroReservedSpl_isAMismatch() throws Exception {
    TcbVersion tcb = TcbVersion.decode(ReportBuilder.milanTcb(1, 0, 2, 3), ProductLine.MILAN, "t");
    Map<String, byte[]> ext =
        TestAmdPki.leafExtensions(ProductLine.MILAN, SigningKey.VCEK, tcb, new byte[64]);
    ext.put(EndorsementKey.RESERVED_SPLS.get(3), new ASN1Integer(1).getEncoded());
    EndorsementKey vcek =
        EndorsementKey.parse(
            TestAmdPki.chain(
                    ProductLine.MILAN,
                    SigningKey.VCEK,
                    ext,
                    TestAmdPki.NOT_BEFORE,
                    TestAmdPki.NOT_AFTER)
                .leaf());

    mismatch(() -> ReportBinding.checkTcb(tcb, vcek), "reserved SPLs");
  }

  @Test
  void vectors_chipId_isTheVceksHwId() {
    assertThatCode(
            () -> {
              ReportBinding.checkChip(
                  SnpReport.parse(bytes(GSG + "attestation.bin")), key(GSG + "vcek.testcer"));
              ReportBinding.checkChip(
                  SnpReport.parse(bytes(TRUSTEE_VCEK + "test-report.bin")),
                  key(TRUSTEE_VCEK + "test-vcek.der"));
              ReportBinding.checkChip(
                  SnpReport.parse(azureReport(bytes(AZURE + "hcl-report.bin"))),
                  key(AZURE + "vcek.pem"));
            })
        .doesNotThrowAnyException();
  }

  @Test
  void anotherChipsReport_isAChipMismatch() throws Exception {
    SnpReport trustee = SnpReport.parse(bytes(TRUSTEE_VCEK + "test-report.bin"));

    mismatch(() -> ReportBinding.checkChip(trustee, key(GSG + "vcek.testcer")), "CHIP_ID c38427a3");
  }

  @Test
  void aMaskedChipId_andAVlek_areNotCompared() throws Exception {
    SnpReport masked = SnpReport.parse(new ReportBuilder(2).unsigned());

    assertThatCode(() -> ReportBinding.checkChip(masked, key(GSG + "vcek.testcer")))
        .doesNotThrowAnyException();
    assertThatCode(() ->
            ReportBinding.checkChip(
                SnpReport.parse(bytes(GSG + "attestation.bin")),
                key(TRUSTEE_VLEK + "test-vlek.der")))
        .doesNotThrowAnyException();
  }

  @Test
  void turinChipId_isTheEightByteHwId_thenZeros() throws Exception {
    byte[] hwId = {1, 2, 3, 4, 5, 6, 7, 8};
    TcbVersion tcb =
        TcbVersion.decode(ReportBuilder.turinTcb(1, 2, 3, 4, 5), ProductLine.TURIN, "t");
    EndorsementKey vcek =
        EndorsementKey.parse(
            TestAmdPki.chain(ProductLine.TURIN, SigningKey.VCEK, tcb, hwId).leaf());
    byte[] chipId = new byte[64];
    System.arraycopy(hwId, 0, chipId, 0, 8);
    SnpReport same =
        SnpReport.parse(new ReportBuilder(3).cpuid(0x1A, 0x02, 0).chipId(chipId).unsigned());
    chipId[63] = 1;
    SnpReport trailing =
        SnpReport.parse(new ReportBuilder(3).cpuid(0x1A, 0x02, 0).chipId(chipId).unsigned());

    assertThatCode(() -> ReportBinding.checkChip(same, vcek)).doesNotThrowAnyException();
    mismatch(() -> ReportBinding.checkChip(trailing, vcek), "hwID 0102030405060708");
  }

  @Test
  void v3Report_withAnotherSteppingThanTheVcek_isAMismatch() throws Exception {
    SnpReport b1 = SnpReport.parse(new ReportBuilder(3).cpuid(0x19, 0x01, 1).unsigned());

    mismatch(
        () -> ReportBinding.checkChip(b1, key(GSG + "vcek.testcer")),
        "the VCEK is for Milan-B0 (stepping 0) but the report's CPUID_STEP is 1");
  }
}
