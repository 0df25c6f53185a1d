package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.testing.Vectors;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PckExtensionsTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static X509Certificate leafOf(String quote) throws Exception {
    return PckChain.parse(Quote.parse(Vectors.bytes(quote)).certificationData()).getFirst();
  }

  @Test
  void mobilecoinLeaf_hasTheStatedTcb() throws Exception {
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(
                        Vectors.bytes("sgx/mobilecoin-hw-quote-v3/leaf_cert.der")));

    PckExtensions ext = PckExtensions.of(cert);

    assertThat(ext.sgxTcbComponents())
        .containsExactly(17, 17, 2, 4, 1, 128, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(ext.pceSvn()).isEqualTo(11);
    assertThat(hex(ext.fmspc())).isEqualTo("00906ed50000");
  }

  @Test
  void goTdxGuestLeaf_hasTheStatedExtensions() throws Exception {
    PckExtensions ext = PckExtensions.of(leafOf("tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat"));

    assertThat(hex(ext.ppid())).isEqualTo("089ddfdb9c0359c82a3bc7719239574e");
    assertThat(hex(ext.fmspc())).isEqualTo("50806f000000");
    assertThat(hex(ext.pceId())).isEqualTo("0000");
    assertThat(ext.pceSvn()).isEqualTo(11);
    assertThat(ext.cpuSvn()).containsExactly(3, 3, 2, 2, 2, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** trustee prints the instance ID byte-reversed; the octets are the same. */
  @Test
  void trusteeTdx4_isFromThePlatformCa_withItsInstanceId() throws Exception {
    PckExtensions ext = PckExtensions.of(leafOf("tdx/trustee-tdx/tdx_quote_4.dat"));
    byte[] id = ext.platformInstanceId().orElseThrow();
    byte[] reversed = new byte[id.length];
    for (int i = 0; i < id.length; i++) {
      reversed[i] = id[id.length - 1 - i];
    }

    assertThat(ext.fromPlatformCa()).isTrue();
    assertThat(hex(reversed)).isEqualTo("82548d228d94d5e204a95b354dc61a02");
  }

  @Test
  void intelSampleTdxQuote_carriesADerChain() throws Exception {
    List<X509Certificate> chain =
        PckChain.parse(
            Quote.parse(Vectors.bytes("tdx/intel-qvl-sampledata-tdx/quote.dat"))
                .certificationData());

    assertThat(chain).hasSize(3);
    assertThat(PckExtensions.of(chain.getFirst()).fmspc()).hasSize(6);
  }

  @Test
  void aCertificateWithoutSgxExtensions_isRejected() throws Exception {
    X509Certificate root =
        PckChain.parse(
                Quote.parse(Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote")).certificationData())
            .getLast();

    assertThatThrownBy(() -> PckExtensions.of(root))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("no Intel SGX extensions");
  }

  @Test
  void incompleteChain_isRejected() {
    byte[] oneCert =
        ("-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder()
                    .encodeToString(
                        Vectors.bytes(
                            "sgx/zkdcap-sgx-v3/Intel_SGX_Provisioning_Certification_RootCA.cer"))
                + "\n-----END CERTIFICATE-----\n")
            .getBytes();

    assertThatThrownBy(() -> PckChain.parse(oneCert))
        .hasMessageContaining("incomplete PCK certificate chain");
  }
}
