package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Intel PCS TCB info and enclave identity documents from every vector. */
class PcsDocumentsTest {

  private static Collateral collateral(String vector) throws AttestationException {
    return CollateralParser.parse(vector, Vectors.bytes(vector));
  }

  private static TcbInfo tcbInfo(String vector) throws AttestationException {
    Collateral.SignedJson d = collateral(vector).documents(JsonKind.TCB_INFO).getFirst();
    return TcbInfo.parse(d.body(), d.source());
  }

  private static EnclaveIdentity identity(String vector) throws AttestationException {
    Collateral.SignedJson d = collateral(vector).documents(JsonKind.ENCLAVE_IDENTITY).getFirst();
    return EnclaveIdentity.parse(d.body(), d.source());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sgx/zkdcap-sgx-v3/tcbinfov3_00906ED50000.json",
        "sgx/intel-qvl-sampledata-sgx/tcbInfo.json",
        "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json",
        "tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json",
        "tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated_collateral.json",
        "tdx/zkdcap-tdx-v4/tcbinfov3_00806f050000.json",
        "tdx/go-tdx-guest-v4/sample_tcbInfo_response",
        "tdx/go-tdx-guest-v5/sample_tcbinfo_response_v5",
        "tdx/trustee-tdx/tcbInfo.json"
      })
  void everyTcbInfo_parses(String vector) throws Exception {
    TcbInfo info = tcbInfo(vector);

    assertThat(info.levels()).isNotEmpty();
    assertThat(info.isTdx()).isEqualTo(vector.startsWith("tdx/"));
    assertThat(info.nextUpdate()).isAfter(info.issueDate());
    if (info.isTdx()) {
      assertThat(info.tdxModule()).isPresent();
      assertThat(info.levels().getFirst().tdxComponents()).hasSize(16);
    }
  }

  /** Intel's synthetic TDX sample has SVNs such as 65473, which are not bytes. */
  @Test
  void svnsBeyondAByte_areRefused() {
    assertThatThrownBy(() -> tcbInfo("tdx/intel-qvl-sampledata-tdx/tcbInfo.json"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("svn: not an integer in 0..255");
  }

  @Test
  void zkdcapSgxTcbInfo_hasItsStatedHeader() throws Exception {
    TcbInfo info = tcbInfo("sgx/zkdcap-sgx-v3/tcbinfov3_00906ED50000.json");

    assertThat(info.version()).isEqualTo(3);
    assertThat(HexFormat.of().formatHex(info.fmspc())).isEqualTo("00906ed50000");
    assertThat(info.evaluationDataNumber()).isEqualTo(17);
  }

  @Test
  void version2TcbInfo_readsNumberedComponents() throws Exception {
    TcbInfo info = tcbInfo("sgx/intel-qvl-sampledata-sgx/tcbInfo.json");

    assertThat(info.version()).isEqualTo(2);
    assertThat(info.id()).isEqualTo("SGX");
    assertThat(HexFormat.of().formatHex(info.fmspc())).isEqualTo("00707f000000");
  }

  @Test
  void trusteeTdxTcbInfo_hasTheStatedModuleMask() throws Exception {
    TcbInfo info = tcbInfo("tdx/trustee-tdx/tcbInfo.json");

    assertThat(HexFormat.of().formatHex(info.fmspc())).isEqualTo("00a06d080000");
    assertThat(info.tdxModule().orElseThrow().attributesMask()).containsOnly((byte) 0xff);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sgx/zkdcap-sgx-v3/qeidentityv2_sgx.json",
        "sgx/intel-qvl-sampledata-sgx/qeIdentity.json",
        "sgx/intel-qvl-sampledata-sgx/qveIdentity.json",
        "tdx/zkdcap-tdx-v4/qeidentityv2_tdx.json",
        "tdx/go-tdx-guest-v4/sample_qeIdentity_response",
        "tdx/trustee-tdx/enclaveIdentity.json",
        "tdx/intel-qvl-sampledata-tdx/qeIdentity.json"
      })
  void everyEnclaveIdentity_parses(String vector) throws Exception {
    EnclaveIdentity id = identity(vector);

    assertThat(id.id()).isIn("QE", "TD_QE", "QVE");
    assertThat(id.levels()).isNotEmpty();
  }

  @Test
  void trusteeIdentity_hasTheStatedMiscSelect() throws Exception {
    EnclaveIdentity id = identity("tdx/trustee-tdx/enclaveIdentity.json");

    assertThat(id.id()).isEqualTo("TD_QE");
    assertThat(id.miscSelect()).containsOnly(0);
    assertThat(id.miscSelectMask()).containsOnly((byte) 0xff);
  }

  @Test
  void missingOrMistypedFields_areNamed() {
    byte[] noFmspc =
        ("{\"id\":\"SGX\",\"version\":3,\"issueDate\":\"2025-01-01T00:00:00Z\","
                + "\"nextUpdate\":\"2025-02-01T00:00:00Z\",\"pceId\":\"0000\",\"tcbType\":0,"
                + "\"tcbEvaluationDataNumber\":1,\"tcbLevels\":[]}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> TcbInfo.parse(noFmspc, "x.json"))
        .isInstanceOf(AttestationException.class)
        .hasMessage("x.json tcbInfo: fmspc: missing");
  }

  @Test
  void tcbInfoWithoutLevels_orWithTwoEqualLevels_isRefused() {
    String head =
        "{\"id\":\"SGX\",\"version\":3,\"issueDate\":\"2025-01-01T00:00:00Z\","
            + "\"nextUpdate\":\"2025-02-01T00:00:00Z\",\"fmspc\":\"00906ED50000\","
            + "\"pceId\":\"0000\",\"tcbType\":0,\"tcbEvaluationDataNumber\":1,\"tcbLevels\":[";
    String level =
        "{\"tcb\":{\"sgxtcbcomponents\":["
            + "{\"svn\":1},".repeat(15)
            + "{\"svn\":1}],\"pcesvn\":1},\"tcbDate\":\"2025-01-01T00:00:00Z\","
            + "\"tcbStatus\":\"UpToDate\"}";

    assertThatThrownBy(() -> TcbInfo.parse((head + "]}").getBytes(StandardCharsets.UTF_8), "x"))
        .hasMessage("x tcbInfo: tcbLevels: no TCB levels");
    assertThatThrownBy(() ->
            TcbInfo.parse(
                (head + level + "," + level + "]}").getBytes(StandardCharsets.UTF_8), "x"))
        .hasMessage("x tcbInfo: tcbLevels: two levels have the same SVNs");
    assertThat(
            catchThrowable(
                () -> TcbInfo.parse((head + level + "]}").getBytes(StandardCharsets.UTF_8), "x")))
        .isNull();
  }
}
