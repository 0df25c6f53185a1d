package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SnpReportTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static void fails(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(reason);
  }

  private static byte[] azureReport() {
    return Arrays.copyOfRange(bytes(AZURE + "hcl-report.bin"), 0x20, 0x20 + SnpReport.SIZE);
  }

  @Test
  void goSevGuestReport_parses_withItsFields() throws Exception {
    SnpReport r = SnpReport.parse(bytes(GSG + "attestation.bin"));

    assertThat(r.version()).isEqualTo(2);
    assertThat(r.guestSvn()).isZero();
    assertThat(r.policy().raw()).isEqualTo(0xB0000L);
    assertThat(r.policy().debug()).isTrue();
    assertThat(r.policy().smt()).isTrue();
    assertThat(r.vmpl()).isZero();
    assertThat(r.signatureAlgo()).isEqualTo(1);
    assertThat(r.platformInfo().raw()).isEqualTo(1);
    assertThat(r.signerInfo().signingKey()).isEqualTo(SigningKey.VCEK);
    assertThat(r.signerInfo().authorKeyEn()).isFalse();
    assertThat(r.reportedTcb()).isEqualTo(0x4405000000000002L);
    assertThat(r.currentTcb()).isEqualTo(0x4405000000000002L);
    assertThat(r.committedTcb()).isEqualTo(0x4405000000000002L);
    assertThat(r.launchTcb()).isEqualTo(0x4405000000000002L);
    assertThat(hex(r.reportId()))
        .isEqualTo("8edc638e1857c555d21f6b11bda3c8b1b5a09dba4852b4c8ee7aa2f16f22cc0a");
    assertThat(hex(r.reportIdMa())).isEqualTo("ff".repeat(32));
    assertThat(hex(r.measurement()))
        .isEqualTo(
            "b07af9620f3b839b47996422ddec6058338951d984e312115131ea82705eaf5b6bdf8a9ece31a5a608eb0cf2e4872b01");
    assertThat(hex(r.chipId()))
        .isEqualTo(
            "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d");
    assertThat(hex(r.reportData())).isEqualTo("0102030405" + "00".repeat(59));
    assertThat(hex(r.hostData())).isEqualTo("00".repeat(32));
    assertThat(hex(r.familyId())).isEqualTo("00".repeat(16));
    assertThat(hex(r.imageId())).isEqualTo("00".repeat(16));
    assertThat(hex(r.idKeyDigest())).isEqualTo("00".repeat(48));
    assertThat(r.currentBuild()).isEqualTo(3);
    assertThat(r.currentMinor()).isEqualTo(49);
    assertThat(r.currentMajor()).isEqualTo(1);
    assertThat(r.committedBuild()).isEqualTo(3);
    assertThat(r.committedMinor()).isEqualTo(49);
    assertThat(r.committedMajor()).isEqualTo(1);
    assertThat(r.cpuid()).isEmpty();
    assertThat(r.cpuidProduct()).isEmpty();
    assertThat(r.launchMitVector()).isEqualTo(OptionalLong.empty());
    assertThat(r.signatureR().bitLength()).isLessThanOrEqualTo(384);
    assertThat(r.signedBytes()).hasSize(0x2A0);
  }

  @Test
  void trusteeReports_parse_withTheCollectorsValues() throws Exception {
    SnpReport vcek = SnpReport.parse(bytes(TRUSTEE_VCEK + "test-report.bin"));
    SnpReport vlek = SnpReport.parse(bytes(TRUSTEE_VLEK + "test-vlek-report.bin"));
    SnpReport azure = SnpReport.parse(azureReport());

    assertThat(vcek.guestSvn()).isEqualTo(4);
    assertThat(vcek.policy().raw()).isEqualTo(0x3001FL);
    assertThat(vcek.policy().abiMinor()).isEqualTo(31);
    assertThat(hex(vcek.familyId())).isEqualTo("01" + "00".repeat(15));
    assertThat(hex(vcek.imageId())).isEqualTo("02" + "00".repeat(15));
    assertThat(vcek.reportedTcb()).isEqualTo(0x7308000000000003L);
    assertThat(vlek.version()).isEqualTo(3);
    assertThat(vlek.vmpl()).isEqualTo(1);
    assertThat(vlek.signerInfo().raw()).isEqualTo(4);
    assertThat(vlek.signerInfo().signingKey()).isEqualTo(SigningKey.VLEK);
    assertThat(vlek.cpuid()).contains(new SnpReport.Cpuid(0x19, 0x01, 0x01));
    assertThat(vlek.cpuidProduct()).contains(ProductLine.MILAN);
    assertThat(vlek.platformInfo().raw()).isEqualTo(0x27);
    assertThat(vlek.reportedTcb()).isEqualTo(0xD918000000000004L);
    assertThat(hex(vlek.chipId())).isEqualTo("00".repeat(64));
    assertThat(azure.guestSvn()).isEqualTo(5);
    assertThat(hex(azure.measurement()))
        .isEqualTo(
            "9ac48fcac8a2d88aeeff8d427ad4f2be0e3917c748a18bdf52cc317e7fe20308b459d5ef1a12e0c22944eb386d17c315");
  }

  @Test
  void tcbs_decodeWithTheProductLayout() throws Exception {
    SnpReport.Tcbs t =
        SnpReport.parse(bytes(TRUSTEE_VLEK + "test-vlek-report.bin")).tcbs(ProductLine.MILAN);

    assertThat(t.reported().microcode()).isEqualTo(217);
    assertThat(t.committed().microcode()).isEqualTo(219);
    assertThat(t.current().microcode()).isEqualTo(220);
    assertThat(t.launch().snp()).isEqualTo(24);
  }

  @Test
  void reportBytes_roundTrip_andAreCopied() throws Exception {
    byte[] raw = bytes(GSG + "attestation.bin");
    SnpReport r = SnpReport.parse(raw);
    raw[0x90] ^= 1;

    assertThat(r.bytes()).isEqualTo(bytes(GSG + "attestation.bin"));
    r.measurement()[0] ^= 1;
    assertThat(hex(r.measurement())).startsWith("b07a");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100, 1183, 1185, 2600})
  void parse_wrongSize_isMalformed(int size) {
    fails(() -> SnpReport.parse(new byte[size]), Reason.MALFORMED_EVIDENCE, "1184 bytes");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 6, 0x102})
  void parse_unknownVersion_isUnsupported(int version) {
    byte[] r = new ReportBuilder(version).unsigned();
    fails(() -> SnpReport.parse(r), Reason.UNSUPPORTED_VERSION, "version " + version);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 0x100})
  void parse_signatureAlgorithmOtherThanEcdsaP384_isUnsupported(int algorithm) {
    byte[] r = new ReportBuilder(2).u32(0x34, algorithm).unsigned();
    fails(() -> SnpReport.parse(r), Reason.UNSUPPORTED_VERSION, "SIGNATURE_ALGO " + algorithm);
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        0x4C,
        0x4F,
        0x18B,
        0x19F,
        0x1EB,
        0x1EF,
        0x208,
        0x29F,
        0x2A0 + 48,
        0x2E8 + 71,
        0x330,
        0x49F
      })
  void parse_nonZeroReservedByte_isMalformed(int offset) {
    byte[] r = new ReportBuilder(5).cpuid(0x19, 0x01, 1).unsigned();
    r[offset] = 1;
    fails(() -> SnpReport.parse(r), Reason.MALFORMED_EVIDENCE, "must be zero");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x188, 0x18A, 0x1F8, 0x207})
  void parse_v2_fieldsOfLaterVersions_mustBeZero(int offset) {
    byte[] r = new ReportBuilder(2).unsigned();
    r[offset] = 1;
    fails(() -> SnpReport.parse(r), Reason.MALFORMED_EVIDENCE, "must be zero");
  }

  @Test
  void parse_v3_mitigationVectorBytes_mustBeZero() {
    byte[] r = new ReportBuilder(3).cpuid(0x19, 0x01, 1).u64(0x200, 1).unsigned();
    fails(() -> SnpReport.parse(r), Reason.MALFORMED_EVIDENCE, "reserved 0x1F8");
  }

  @Test
  void parse_v4_hasTheV3Layout() throws Exception {
    SnpReport r = SnpReport.parse(new ReportBuilder(4).cpuid(0x19, 0x11, 1).unsigned());

    assertThat(r.version()).isEqualTo(4);
    assertThat(r.cpuidProduct()).contains(ProductLine.GENOA);
    assertThat(r.launchMitVector()).isEmpty();
  }

  @Test
  void parse_v5_readsTheMitigationVectors() throws Exception {
    SnpReport r =
        SnpReport.parse(
            new ReportBuilder(5)
                .cpuid(0x1A, 0x02, 0)
                .u64(0x1F8, 0x8000000000000003L)
                .u64(0x200, 7)
                .unsigned());

    assertThat(r.cpuidProduct()).contains(ProductLine.TURIN);
    assertThat(r.launchMitVector()).isEqualTo(OptionalLong.of(0x8000000000000003L));
    assertThat(r.currentMitVector()).isEqualTo(OptionalLong.of(7));
  }

  @Test
  void parse_v3_unknownProductLine_isUnsupported() {
    byte[] venice = new ReportBuilder(3).cpuid(0x1A, 0x50, 0).unsigned();
    fails(() -> SnpReport.parse(venice), Reason.UNSUPPORTED_VERSION, "family 0x1a model 0x50");
  }

  @Test
  void parse_v3_tcbReservedByte_isMalformed() {
    byte[] r =
        new ReportBuilder(3)
            .cpuid(0x19, 0x01, 1)
            .tcb(ReportBuilder.milanTcb(1, 0, 8, 100))
            .unsigned();
    r[0x180 + 3] = 1;
    fails(() -> SnpReport.parse(r), Reason.MALFORMED_EVIDENCE, "REPORTED_TCB");
  }

  @Test
  void parse_policyReservedBits_areChecked() {
    fails(
        () -> SnpReport.parse(new ReportBuilder(2).policy(0x10000).unsigned()),
        Reason.MALFORMED_EVIDENCE,
        "bit 17");
    fails(
        () -> SnpReport.parse(new ReportBuilder(2).policy(0x30000 | 1L << 26).unsigned()),
        Reason.MALFORMED_EVIDENCE,
        "63:26");
  }

  @ParameterizedTest
  @ValueSource(longs = {2 << 2, 6 << 2, 1 << 5, 0x80000000L})
  void parse_reservedFlags_isMalformed(long flags) {
    byte[] r = new ReportBuilder(2).flags(flags).unsigned();
    fails(() -> SnpReport.parse(r), Reason.MALFORMED_EVIDENCE, "malformed SNP report");
  }

  @Test
  void signatureDer_isTheEcdsaSigValueOfRAndS() throws Exception {
    SnpReport r = SnpReport.parse(bytes(TRUSTEE_VCEK + "test-report.bin"));
    org.bouncycastle.asn1.ASN1Sequence seq =
        org.bouncycastle.asn1.ASN1Sequence.getInstance(r.signatureDer());

    assertThat(seq.size()).isEqualTo(2);
    assertThat(org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(0)).getValue())
        .isEqualTo(r.signatureR());
    assertThat(org.bouncycastle.asn1.ASN1Integer.getInstance(seq.getObjectAt(1)).getValue())
        .isEqualTo(r.signatureS());
  }
}
