package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HclReportTest {

  private static final byte[] VECTOR = bytes(AZURE + "hcl-report.bin");

  /** An HCL report around {@code snp} with {@code json} as variable data and zero padding. */
  static byte[] hcl(byte[] snp, int hashType, byte[] json, int padding) {
    byte[] b = new byte[HclReport.VARIABLE_DATA_OFFSET + json.length + padding];
    ReportBuilder.le32(b, 0, HclReport.MAGIC);
    ReportBuilder.le32(b, 4, 1);
    ReportBuilder.le32(b, 8, HclReport.VARIABLE_DATA_OFFSET + json.length);
    ReportBuilder.le32(b, 12, 2);
    System.arraycopy(snp, 0, b, 0x20, snp.length);
    ReportBuilder.le32(b, 0x4C0, 20 + json.length);
    ReportBuilder.le32(b, 0x4C4, 1);
    ReportBuilder.le32(b, 0x4C8, 2);
    ReportBuilder.le32(b, 0x4CC, hashType);
    ReportBuilder.le32(b, 0x4D0, json.length);
    System.arraycopy(json, 0, b, HclReport.VARIABLE_DATA_OFFSET, json.length);
    return b;
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void fails(byte[] input, Reason reason, String message) {
    ThrowingCallable call = () -> HclReport.parse(input);
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(reason);
  }

  private static byte[] withU32(byte[] b, int offset, long value) {
    byte[] out = b.clone();
    ReportBuilder.le32(out, offset, value);
    return out;
  }

  @Test
  void azureVector_parses() throws Exception {
    HclReport h = HclReport.parse(VECTOR);

    assertThat(h.version()).isEqualTo(1);
    assertThat(h.hashType()).isEqualTo(HclReport.HashType.SHA_256);
    assertThat(h.variableData()).hasSize(1110);
    assertThat(new String(h.variableData(), StandardCharsets.UTF_8))
        .startsWith("{\"keys\":[{\"kid\":\"HCLAkPub\"");
    assertThat(h.userData()).hasValueSatisfying(u -> assertThat(u).hasSize(64));
    assertThat(h.snpReport()).isEqualTo(Arrays.copyOfRange(VECTOR, 0x20, 0x4C0));
    assertThat(HexFormat.of().formatHex(h.variableDataDigest()))
        .isEqualTo("b3fbad6514c83caeb0380882145e49f794229ef37c421b91fc47ff93556bafac");
  }

  @Test
  void byte0x6E0Tampered_stillParses_butItsDigestChanges() throws Exception {
    HclReport h = HclReport.parse(SnpVectors.plusOne(VECTOR, 0x6E0));

    assertThat(HexFormat.of().formatHex(h.variableDataDigest())).doesNotStartWith("b3fbad65");
  }

  @Test
  void byte0x540Zeroed_breaksTheJson() {
    byte[] b = VECTOR.clone();
    b[0x540] = 0;
    fails(b, Reason.MALFORMED_EVIDENCE, "not JSON");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 4, 0x4D3})
  void tooShort_isMalformed(int length) {
    fails(Arrays.copyOf(VECTOR, length), Reason.MALFORMED_EVIDENCE, "shorter than any HCL report");
  }

  @Test
  void wrongMagic_isMalformed() {
    fails(withU32(VECTOR, 0, 0x41434C48L), Reason.MALFORMED_EVIDENCE, "HCLA");
  }

  @Test
  void versionOtherThan1Or2_isUnsupported() throws Exception {
    fails(withU32(VECTOR, 4, 3), Reason.UNSUPPORTED_VERSION, "version 3");
    assertThat(HclReport.parse(withU32(VECTOR, 4, 2)).version()).isEqualTo(2);
  }

  @Test
  void tdxOrUnknownReportType_isRefused() {
    fails(withU32(VECTOR, 0x4C8, 4), Reason.UNSUPPORTED_VERSION, "TDX");
    fails(withU32(VECTOR, 0x4C8, 0), Reason.MALFORMED_EVIDENCE, "report type 0");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 4, 0xFFFFFFFFL})
  void unknownHashType_isUnsupported(long type) {
    fails(withU32(VECTOR, 0x4CC, type), Reason.UNSUPPORTED_VERSION, "hash type " + type);
  }

  @Test
  void inconsistentSizes_areMalformed() {
    fails(withU32(VECTOR, 0x4C0, 1131), Reason.MALFORMED_EVIDENCE, "data size 1131");
    fails(withU32(VECTOR, 8, 0x92B), Reason.MALFORMED_EVIDENCE, "report size 2347");
    byte[] huge = withU32(withU32(withU32(VECTOR, 0x4D0, 0xFFFFFFEBL), 0x4C0, 0xFFFFFFFFL), 8, 0);
    fails(huge, Reason.MALFORMED_EVIDENCE, "data size");
    byte[] beyond = withU32(withU32(withU32(VECTOR, 0x4D0, 3000), 0x4C0, 3020), 8, 0x4C0 + 3020);
    fails(beyond, Reason.MALFORMED_EVIDENCE, "exceeds the 2600 bytes given");
  }

  @Test
  void variableData_mustBeOneStrictJsonObject() {
    byte[] snp = new byte[SnpReport.SIZE];
    fails(hcl(snp, 1, json("[1]"), 0), Reason.MALFORMED_EVIDENCE, "not a JSON object");
    fails(hcl(snp, 1, json("{} {}"), 0), Reason.MALFORMED_EVIDENCE, "exactly one JSON object");
    fails(hcl(snp, 1, json("{\"a\":1,\"a\":2}"), 0), Reason.MALFORMED_EVIDENCE, "Duplicate");
    fails(hcl(snp, 1, json("{\"user-data\":\"xyz\"}"), 0), Reason.MALFORMED_EVIDENCE, "not hex");
    fails(hcl(snp, 1, json("{\"user-data\":5}"), 0), Reason.MALFORMED_EVIDENCE, "not a string");
    fails(
        hcl(snp, 1, json("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"), 0),
        Reason.MALFORMED_EVIDENCE,
        "not JSON");
  }

  @Test
  void paddingAfterTheReport_isNotPartOfIt() throws Exception {
    HclReport h = HclReport.parse(hcl(new byte[SnpReport.SIZE], 3, json("{\"x\":[1,{}]}"), 100));

    assertThat(h.hashType()).isEqualTo(HclReport.HashType.SHA_512);
    assertThat(h.variableData()).isEqualTo(json("{\"x\":[1,{}]}"));
    assertThat(h.userData()).isEmpty();
    assertThat(h.variableDataDigest()).hasSize(64);
  }
}
