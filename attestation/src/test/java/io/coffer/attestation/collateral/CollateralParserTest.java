package io.coffer.attestation.collateral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CollateralParserTest {

  private static Collateral parse(String vector) throws AttestationException {
    return CollateralParser.parse(vector, Vectors.bytes(vector));
  }

  private static PublicKey tcbSigningKey() throws Exception {
    return parse("sgx/zkdcap-sgx-v3/tcb_signing_cert.pem").certificates().getFirst().getPublicKey();
  }

  /** The extracted bytes are exactly what Intel signed: the signature verifies over them. */
  private static boolean signedByIntel(SignedJson doc, PublicKey key) throws Exception {
    Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
    s.initVerify(key);
    s.update(doc.body());
    return s.verify(doc.signature());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sgx/zkdcap-sgx-v3/tcbinfov3_00906ED50000.json",
        "tdx/zkdcap-tdx-v4/tcbinfov3_00806f050000.json",
        "tdx/go-tdx-guest-v4/sample_tcbInfo_response",
        "tdx/go-tdx-guest-v5/sample_tcbinfo_response_v5",
        "tdx/trustee-tdx/tcbInfo.json"
      })
  void pcsTcbInfo_isRecognised_withTheExactSignedBytes(String vector) throws Exception {
    Collateral c = parse(vector);

    assertThat(c.documents()).hasSize(1);
    SignedJson doc = c.documents().getFirst();
    assertThat(doc.kind()).isEqualTo(JsonKind.TCB_INFO);
    assertThat(new String(doc.body(), StandardCharsets.UTF_8)).startsWith("{").endsWith("}");
    assertThat(signedByIntel(doc, tcbSigningKey())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sgx/zkdcap-sgx-v3/qeidentityv2_sgx.json",
        "tdx/zkdcap-tdx-v4/qeidentityv2_tdx.json",
        "tdx/go-tdx-guest-v4/sample_qeIdentity_response",
        "tdx/trustee-tdx/enclaveIdentity.json"
      })
  void pcsEnclaveIdentity_isRecognised_withTheExactSignedBytes(String vector) throws Exception {
    SignedJson doc = parse(vector).documents().getFirst();

    assertThat(doc.kind()).isEqualTo(JsonKind.ENCLAVE_IDENTITY);
    assertThat(signedByIntel(doc, tcbSigningKey())).isTrue();
  }

  @Test
  void dcapQvlBundle_givesChainsCrlsAndBothSignedDocuments() throws Exception {
    Collateral c = parse("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json");

    assertThat(c.documents(JsonKind.TCB_INFO)).hasSize(1);
    assertThat(c.documents(JsonKind.ENCLAVE_IDENTITY)).hasSize(1);
    assertThat(c.crls()).hasSize(2);
    assertThat(c.certificates()).hasSizeGreaterThanOrEqualTo(4);
    X509Certificate tcbSigning =
        c.certificates().stream()
            .filter(x -> x.getSubjectX500Principal().getName().contains("TCB Signing"))
            .findFirst()
            .orElseThrow();
    for (SignedJson doc : c.documents()) {
      assertThat(signedByIntel(doc, tcbSigning.getPublicKey())).as(doc.toString()).isTrue();
    }
  }

  @Test
  void pemChains_andDerCertificatesAndCrls_areRecognised() throws Exception {
    assertThat(parse("tdx/go-tdx-guest-v4/pckCrlIssuerChain.pem").certificates()).hasSize(2);
    assertThat(
            parse("sgx/zkdcap-sgx-v3/Intel_SGX_Provisioning_Certification_RootCA.cer")
                .certificates())
        .hasSize(1);
    assertThat(parse("sgx/zkdcap-sgx-v3/intel_root_ca_crl.der").crls()).hasSize(1);
    assertThat(parse("tdx/go-tdx-guest-v4/pckcrl").crls()).hasSize(1);
    assertThat(parse("sgx/intel-qvl-sampledata-sgx/rootCaCrl.pem").crls()).hasSize(1);
    assertThat(parse("snp/amd-kds-cert-chains/trustee_milan_ask_ark_asvk.pem").certificates())
        .hasSize(3);
    assertThat(parse("snp/trustee-milan-vcek/test-vcek.der").certificates()).hasSize(1);
    assertThat(parse("snp/go-sev-guest-milan-vcek/vcek.testcer").certificates()).hasSize(1);
  }

  @Test
  void evidence_isNotCollateral_andTheErrorNamesTheSource() {
    assertThatThrownBy(() -> parse("sgx/dcap-qvl-sgx-v3/sgx_quote"))
        .isInstanceOf(AttestationException.class)
        .hasMessageStartingWith("sgx/dcap-qvl-sgx-v3/sgx_quote: malformed collateral");
    assertThatThrownBy(() -> parse("snp/trustee-milan-vcek/test-report.bin"))
        .hasMessageContaining("test-report.bin");
  }

  @Test
  void unrelatedJson_isRejected() {
    assertThatThrownBy(() ->
            CollateralParser.parse("x.json", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("neither Intel PCS collateral nor a collateral bundle");
  }

  @Test
  void signedDocumentWithoutSignature_isRejected() {
    byte[] json = "{\"tcbInfo\":{\"version\":3}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CollateralParser.parse("t.json", json))
        .hasMessageContaining("no \"signature\"");
  }

  @Test
  void duplicateMembers_areRejected() {
    byte[] json =
        "{\"tcbInfo\":{},\"tcbInfo\":{},\"signature\":\"00\"}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CollateralParser.parse("t.json", json))
        .hasMessageContaining("Duplicate field");
  }

  @Test
  void otherPemBlocks_areNotCollateral() {
    byte[] pem =
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
            .getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> CollateralParser.parse("key.pem", pem))
        .hasMessageContaining("PRIVATE KEY, not collateral");
  }

  @Test
  void collateralFiles_loadDirectories_andNameTheFileThatIsNot() throws Exception {
    Collateral c =
        CollateralFiles.load(
            List.of(
                Vectors.path("tdx/go-tdx-guest-v4/sample_tcbInfo_response"),
                Vectors.path("snp/amd-kds-cert-chains")));

    assertThat(c.documents()).hasSize(1);
    assertThat(c.certificates()).hasSize(6 * 2 + 3 * 3);
    assertThatThrownBy(() -> CollateralFiles.load(List.of(Vectors.path("tdx/zkdcap-tdx-v4"))))
        .hasMessageContaining("quote_tdx_00806f050000.dat");
  }
}
