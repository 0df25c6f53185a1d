package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.testing.Vectors;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuoteTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static Quote quote(String vector) throws AttestationException {
    return Quote.parse(Vectors.bytes(vector));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sgx/dcap-qvl-sgx-v3/sgx_quote",
        "sgx/zkdcap-sgx-v3/quote_v3_00906ED50000.dat",
        "sgx/trustee-occlum-sgx-v3/occlum_quote.dat",
        "sgx/mobilecoin-hw-quote-v3/hw_quote.dat",
        "sgx/intel-qvl-sampledata-sgx/quote.dat",
        "tdx/dcap-qvl-tdx-v4/tdx_quote",
        "tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated",
        "tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat",
        "tdx/go-tdx-guest-v5/quote_v5_sample.dat",
        "tdx/go-tdx-guest-cos113/cos-113-tdx-quote.dat",
        "tdx/zkdcap-tdx-v4/quote_tdx_00806f050000.dat",
        "tdx/trustee-tdx/tdx_quote_4.dat",
        "tdx/trustee-tdx/tdx_quote_5.dat",
        "tdx/trustee-tdx/tdx_quote_6.dat",
        "tdx/trustee-tdx/az-tdx-vtpm-td-quote.bin",
        "tdx/intel-qvl-sampledata-tdx/quote.dat"
      })
  void everyVectorQuote_parses(String vector) throws Exception {
    Quote q = quote(vector);

    assertThat(q.attestationKeyType()).isEqualTo(2);
    assertThat(q.isTdx()).isEqualTo(vector.startsWith("tdx/"));
    assertThat(q.signature()).hasSize(64);
  }

  @Test
  void dcapQvlSgx_hasTheSnapshotsValues() throws Exception {
    Quote q = quote("sgx/dcap-qvl-sgx-v3/sgx_quote");
    EnclaveReport body = q.sgxBody().orElseThrow();

    assertThat(q.version()).isEqualTo(3);
    assertThat(q.qeSvn()).isEqualTo(10);
    assertThat(q.pceSvn()).isEqualTo(15);
    assertThat(hex(body.mrEnclave()))
        .isEqualTo("33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
    assertThat(hex(body.mrSigner()))
        .isEqualTo("815f42f11cf64430c30bab7816ba596a1da0130c3b028b673133a66cf9a3e0e6");
    assertThat(hex(body.attributes())).isEqualTo("0500000000000000e700000000000000");
    assertThat(body.isvProdId()).isZero();
    assertThat(hex(body.reportData()))
        .startsWith("48656c6c6f2c20776f726c6421")
        .endsWith("00".repeat(51));
    assertThat(q.certificationDataType()).isEqualTo(5);
  }

  @Test
  void trusteeOcclum_hasTheStatedClaims_andIsADebugEnclave() throws Exception {
    Quote q = quote("sgx/trustee-occlum-sgx-v3/occlum_quote.dat");
    EnclaveReport body = q.sgxBody().orElseThrow();

    assertThat(hex(q.qeVendorId())).isEqualTo("939a7233f79c4ca9940a0db3957f0607");
    assertThat(hex(q.userData())).isEqualTo("dccde9b31ce8860548173bb4a2a57a1600000000");
    assertThat(hex(body.cpuSvn())).isEqualTo("06060c0cffff00000000000000000000");
    assertThat(hex(body.miscSelectBytes())).isEqualTo("01000000");
    assertThat(hex(body.mrEnclave()))
        .isEqualTo("8f173e4613ff05c52aaf04162d234edae8c9977eae47eb2299ae16a553011c68");
    assertThat(hex(body.reportData())).isEqualTo("74657374" + "00".repeat(60));
    assertThat(body.debug()).isTrue();
  }

  @Test
  void dcapQvlTdxV4_hasTheSnapshotsValues() throws Exception {
    TdReport td = quote("tdx/dcap-qvl-tdx-v4/tdx_quote").tdBody().orElseThrow();

    assertThat(hex(td.mrTd()))
        .isEqualTo(
            "91eb2b44d141d4ece09f0c75c2c53d247a3c68edd7fafe8a3520c942a604a407de03ae6dc5f87f27428b2538873118b7");
    assertThat(hex(td.rtmr(0)))
        .isEqualTo(
            "44c0197b39157fdd7a4dcc44767f9d6b0bb3977c7a8e347b8492f827fe9d9e5c48aca29b220b80b6a540cf994b9bc9c0");
    assertThat(hex(td.rtmr(3))).isEqualTo("00".repeat(48));
    assertThat(hex(td.teeTcbSvn())).isEqualTo("06010300000000000000000000000000");
    assertThat(hex(td.tdAttributes())).isEqualTo("0000001000000000");
    assertThat(hex(td.xfam())).isEqualTo("e702060000000000");
    assertThat(td.isV15()).isFalse();
  }

  @Test
  void trusteeTdx4_isADebugTd_withTheExpectedClaims() throws Exception {
    Quote q = quote("tdx/trustee-tdx/tdx_quote_4.dat");
    TdReport td = q.tdBody().orElseThrow();

    assertThat(q.version()).isEqualTo(4);
    assertThat(td.debug()).isTrue();
    assertThat(hex(td.tdAttributes())).isEqualTo("0100001000000000");
    assertThat(hex(td.mrTd()))
        .isEqualTo(
            "705ee9381b8633a9fbe532b52345e8433343d2868959f57889d84ca377c395b689cac1599ccea1b7d420483a9ce5f031");
  }

  @Test
  void v5Quotes_haveTd15Bodies() throws Exception {
    TdReport td = quote("tdx/go-tdx-guest-v5/quote_v5_sample.dat").tdBody().orElseThrow();

    assertThat(td.isV15()).isTrue();
    assertThat(hex(td.mrTd()))
        .isEqualTo(
            "7348651a34b2d2d3462822e3a750ec6110125f36757c78480bbfc69cc0d21fb001a1ced3ee19747dda8f750c3bc8f876");
  }

  private static byte[] v5() {
    return Vectors.bytes("tdx/go-tdx-guest-v5/quote_v5_sample.dat");
  }

  @Test
  void v5_truncatedTo100Bytes_isMalformed() {
    assertThatThrownBy(() -> Quote.parse(Arrays.copyOf(v5(), 100)))
        .isInstanceOf(AttestationException.class)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
  }

  @Test
  void v5_bodyType1_isRejected() {
    byte[] q = v5();
    q[0x30] = 1;
    q[0x31] = 0;

    assertThatThrownBy(() -> Quote.parse(q)).isInstanceOf(AttestationException.class);
  }

  @Test
  void v5_wrongBodySize_isMalformed() {
    byte[] q = v5();
    q[50] = (byte) 0xe7; // 999 little-endian
    q[51] = 0x03;
    q[52] = 0;
    q[53] = 0;

    assertThatThrownBy(() -> Quote.parse(q))
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
  }

  @Test
  void v5_td10TypeWithTd15Size_isMalformed() {
    byte[] q = v5();
    q[48] = 2;
    q[49] = 0;

    assertThatThrownBy(() -> Quote.parse(q))
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.MALFORMED_EVIDENCE);
  }

  @Test
  void version3HeaderByte_onATdxQuote_isRejected() {
    byte[] q = Vectors.bytes("tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat");
    q[0] = 3;

    assertThatThrownBy(() -> Quote.parse(q)).isInstanceOf(AttestationException.class);
  }

  @Test
  void unknownVersion_isUnsupported() {
    byte[] q = Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote");
    q[0] = 9;

    assertThatThrownBy(() -> Quote.parse(q))
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @Test
  void everyTruncation_isMalformedOrUnsupported_neverAnotherException() {
    byte[] q = Vectors.bytes("tdx/dcap-qvl-tdx-v4/tdx_quote");
    for (int n = 0; n < 1200; n++) {
      byte[] cut = Arrays.copyOf(q, n);
      assertThatThrownBy(() -> Quote.parse(cut))
          .as("length %d", n)
          .isInstanceOf(AttestationException.class);
    }
  }
}
