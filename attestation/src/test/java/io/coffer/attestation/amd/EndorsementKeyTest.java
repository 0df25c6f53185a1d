package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE;
import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.certificate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.junit.jupiter.api.Test;

class EndorsementKeyTest {

  private static final byte[] HW_ID = new byte[64];

  static {
    HW_ID[0] = 0x42;
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static EndorsementKey parse(String path) throws AttestationException {
    return EndorsementKey.parse(certificate(path));
  }

  @Test
  void goSevGuestVcek_hasTheKdsUrlSpls_andTheReportsChipId() throws Exception {
    EndorsementKey k = parse(GSG + "vcek.testcer");

    assertThat(k.kind()).isEqualTo(SigningKey.VCEK);
    assertThat(k.product()).isEqualTo(ProductLine.MILAN);
    assertThat(k.productName()).isEqualTo("Milan-B0");
    assertThat(k.stepping()).isEqualTo(OptionalInt.of(0));
    assertThat(k.structVersion()).isZero();
    assertThat(k.spls()).isEqualTo(new EndorsementKey.Spls(2, 0, 5, 68, OptionalInt.empty(), true));
    assertThat(hex(k.hwId().orElseThrow()))
        .isEqualTo(
            "3ac3fe21e13fb0990eb28a802e3fb6a29483a6b0753590c951bdd3b8e53786184ca39e359669a2b76a1936776b564ea464cdce40c05f63c9b610c5068b006b5d");
    assertThat(k.cspId()).isEmpty();
  }

  @Test
  void trusteeVcek_andAzureVcek_haveTheirSpls() throws Exception {
    EndorsementKey trustee = parse(TRUSTEE_VCEK + "test-vcek.der");
    EndorsementKey azure = parse(AZURE + "vcek.pem");

    assertThat(trustee.spls())
        .isEqualTo(new EndorsementKey.Spls(3, 0, 8, 115, OptionalInt.empty(), true));
    assertThat(hex(trustee.hwId().orElseThrow())).startsWith("c38427a3").endsWith("e477524e");
    assertThat(azure.spls())
        .isEqualTo(new EndorsementKey.Spls(3, 0, 8, 115, OptionalInt.empty(), true));
    assertThat(hex(azure.hwId().orElseThrow())).startsWith("19752a44").endsWith("838c6cca");
  }

  @Test
  void trusteeInvalidVceks_parse_withBothHwIdEncodings() throws Exception {
    EndorsementKey legacy = parse(TRUSTEE_VCEK + "test-vcek-invalid-legacy.der");
    EndorsementKey wrapped = parse(TRUSTEE_VCEK + "test-vcek-invalid-new.der");
    byte[] counting = new byte[64];
    for (int i = 0; i < 64; i++) {
      counting[i] = (byte) i;
    }

    assertThat(legacy.hwId()).hasValueSatisfying(h -> assertThat(h).isEqualTo(counting));
    assertThat(legacy.spls())
        .isEqualTo(new EndorsementKey.Spls(3, 0, 10, 169, OptionalInt.empty(), true));
    assertThat(wrapped.hwId()).hasValueSatisfying(h -> assertThat(h).isEqualTo(counting));
    assertThat(wrapped.spls())
        .isEqualTo(new EndorsementKey.Spls(0, 0, 0, 30, OptionalInt.empty(), true));
  }

  @Test
  void trusteeVlek_hasCspId_andNoHwId() throws Exception {
    EndorsementKey k = parse(TRUSTEE_VLEK + "test-vlek.der");

    assertThat(k.kind()).isEqualTo(SigningKey.VLEK);
    assertThat(k.productName()).isEqualTo("Milan");
    assertThat(k.stepping()).isEmpty();
    assertThat(k.spls())
        .isEqualTo(new EndorsementKey.Spls(4, 0, 24, 217, OptionalInt.empty(), true));
    assertThat(k.hwId()).isEmpty();
    assertThat(k.cspId()).contains("CN=cc-us-east-2.amazonaws.com");
  }

  @Test
  void kindOf_isByTheSubjectCommonName() throws Exception {
    assertThat(EndorsementKey.kindOf(certificate(GSG + "vcek.testcer"))).contains(SigningKey.VCEK);
    assertThat(EndorsementKey.kindOf(certificate(TRUSTEE_VLEK + "test-vlek.der")))
        .contains(SigningKey.VLEK);
    assertThat(EndorsementKey.kindOf(certificate(GSG + "ask_ark_milan.pem"))).isEmpty();
  }

  @Test
  void parse_anAsk_isNotAnEndorsementKey() {
    assertThatThrownBy(() -> parse(GSG + "ask_ark_milan.pem"))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("neither a VCEK nor a VLEK");
  }

  @Test
  void turinVcek_hasAnEightByteHwId_andFmc() throws Exception {
    TcbVersion tcb =
        TcbVersion.decode(ReportBuilder.turinTcb(1, 2, 3, 4, 5), ProductLine.TURIN, "t");
    EndorsementKey k =
        EndorsementKey.parse(
            TestAmdPki.chain(
                    ProductLine.TURIN, SigningKey.VCEK, tcb, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .leaf());

    assertThat(k.product()).isEqualTo(ProductLine.TURIN);
    assertThat(k.spls()).isEqualTo(new EndorsementKey.Spls(2, 3, 4, 5, OptionalInt.of(1), true));
    assertThat(k.hwId()).hasValueSatisfying(h -> assertThat(h).hasSize(8));
  }

  private static X509Certificate milanLeaf(Consumer<Map<String, byte[]>> edit) throws Exception {
    TcbVersion tcb =
        TcbVersion.decode(ReportBuilder.milanTcb(3, 0, 8, 115), ProductLine.MILAN, "t");
    Map<String, byte[]> e =
        TestAmdPki.leafExtensions(ProductLine.MILAN, SigningKey.VCEK, tcb, HW_ID);
    edit.accept(e);
    return TestAmdPki.chain(
            ProductLine.MILAN, SigningKey.VCEK, e, TestAmdPki.NOT_BEFORE, TestAmdPki.NOT_AFTER)
        .leaf();
  }

  private static void malformed(Consumer<Map<String, byte[]>> edit, String message)
      throws Exception {
    X509Certificate leaf = milanLeaf(edit);
    assertThatThrownBy(() -> EndorsementKey.parse(leaf))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.COLLATERAL_MALFORMED);
  }

  private static byte[] der(org.bouncycastle.asn1.ASN1Encodable v) {
    try {
      return v.toASN1Primitive().getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void parse_missingSpl_isMalformed() throws Exception {
    malformed(e -> e.remove(EndorsementKey.UCODE_SPL), "ucodeSPL");
  }

  @Test
  void parse_splOutOfRange_orNotAnInteger_isMalformed() throws Exception {
    malformed(e -> e.put(EndorsementKey.BL_SPL, der(new ASN1Integer(256))), "not in 0..255");
    malformed(e -> e.put(EndorsementKey.BL_SPL, der(new ASN1Integer(-1))), "not in 0..255");
    malformed(e -> e.put(EndorsementKey.TEE_SPL, der(new DEROctetString(new byte[1]))), "INTEGER");
  }

  @Test
  void parse_trailingBytesAfterAValue_isMalformed() throws Exception {
    malformed(e -> e.put(EndorsementKey.SNP_SPL, new byte[] {2, 1, 8, 0}), "single DER value");
  }

  @Test
  void parse_productNameNotIa5_orUnknown_isMalformed() throws Exception {
    malformed(
        e -> e.put(EndorsementKey.PRODUCT_NAME, der(new DERUTF8String("Milan-B0"))), "IA5String");
    malformed(
        e ->
            e.put(
                EndorsementKey.PRODUCT_NAME,
                der(new org.bouncycastle.asn1.DERIA5String("Venice-A0"))),
        "unknown product");
    malformed(
        e ->
            e.put(
                EndorsementKey.PRODUCT_NAME,
                der(new org.bouncycastle.asn1.DERIA5String("Milan-Z9"))),
        "unknown stepping");
  }

  @Test
  void parse_vcekWithoutHwId_orWithCspId_isMalformed() throws Exception {
    malformed(e -> e.remove(EndorsementKey.HW_ID), "hwID");
    malformed(
        e -> e.put(EndorsementKey.CSP_ID, der(new org.bouncycastle.asn1.DERIA5String("CN=x"))),
        "no CSP_ID");
  }

  @Test
  void parse_hwIdOfTheWrongLength_isMalformed() throws Exception {
    malformed(e -> e.put(EndorsementKey.HW_ID, new byte[8]), "hwID");
    malformed(e -> e.put(EndorsementKey.HW_ID, der(new DEROctetString(new byte[63]))), "63 bytes");
  }

  @Test
  void parse_unknownExtension_isMalformed() throws Exception {
    malformed(e -> e.put("1.2.3.4", der(new ASN1Integer(1))), "unexpected extension 1.2.3.4");
  }

  @Test
  void parse_fmcOnAMilanVcek_isMalformed() throws Exception {
    malformed(e -> e.put(EndorsementKey.FMC_SPL, der(new ASN1Integer(1))), "fmcSPL");
  }

  @Test
  void parse_nonZeroReservedSpl_isRecorded() throws Exception {
    EndorsementKey k =
        EndorsementKey.parse(
            milanLeaf(e -> e.put(EndorsementKey.RESERVED_SPLS.get(0), der(new ASN1Integer(1)))));

    assertThat(k.spls().reservedZero()).isFalse();
  }
}
