package io.coffer.attestation.intel;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four vectors with full collateral, changed in every signed region and in their collateral:
 * each change is refused with the reason of the check that must catch it.
 */
class DcapTamperTest {

  static Stream<DcapVectors.Case> vectors() {
    return DcapVectors.verifying().stream();
  }

  /** Where the parts of a quote are. */
  private record Layout(
      int body,
      int bodyEnd,
      int signature,
      int key,
      int qeReport,
      int qeSignature,
      int authData,
      int authEnd,
      int certData) {

    static Layout of(byte[] q) {
      int version = u16(q, 0);
      boolean tdx = u16(q, 4) == 0x81;
      int body = version == 5 ? 54 : 48;
      int size = version == 5 ? (int) u32(q, 50) : tdx ? 584 : 384;
      int signature = body + size + 4;
      int key = signature + 64;
      int qe = version >= 4 ? key + 64 + 6 : key + 64;
      int qeSig = qe + 384;
      int auth = qeSig + 64 + 2;
      int authEnd = auth + u16(q, qeSig + 64);
      return new Layout(body, body + size, signature, key, qe, qeSig, auth, authEnd, authEnd + 6);
    }
  }

  private static int u16(byte[] b, int o) {
    return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8;
  }

  private static long u32(byte[] b, int o) {
    return u16(b, o) | (long) u16(b, o + 2) << 16;
  }

  private static Reason reason(DcapVectors.Case v, byte[] quote, Collateral c, Instant at) {
    try {
      v.verify(quote, c, VerificationOptions.at(at));
    } catch (AttestationException e) {
      return e.reason();
    }
    return null;
  }

  private static Reason reason(DcapVectors.Case v, Collateral c) {
    return reason(v, v.quoteBytes(), c, v.at());
  }

  static Stream<Arguments> quoteChanges() {
    List<Arguments> out = new ArrayList<>();
    for (DcapVectors.Case v : DcapVectors.verifying()) {
      Layout l = Layout.of(v.quoteBytes());
      String n = v.quote().substring(v.quote().lastIndexOf('/') + 1);
      out.add(Arguments.of(n, "header QE SVN", 8, Reason.QUOTE_SIGNATURE_INVALID));
      out.add(Arguments.of(n, "header user data", 40, Reason.QUOTE_SIGNATURE_INVALID));
      out.add(Arguments.of(n, "first body byte", l.body(), Reason.QUOTE_SIGNATURE_INVALID));
      out.add(
          Arguments.of(
              n, "middle body byte", (l.body() + l.bodyEnd()) / 2, Reason.QUOTE_SIGNATURE_INVALID));
      out.add(Arguments.of(n, "last body byte", l.bodyEnd() - 1, Reason.QUOTE_SIGNATURE_INVALID));
      out.add(Arguments.of(n, "quote signature r", l.signature(), Reason.QUOTE_SIGNATURE_INVALID));
      out.add(
          Arguments.of(n, "quote signature s", l.signature() + 63, Reason.QUOTE_SIGNATURE_INVALID));
      out.add(Arguments.of(n, "attestation key", l.key() + 10, Reason.QE_REPORT_DATA_MISMATCH));
      out.add(
          Arguments.of(n, "QE report CPUSVN", l.qeReport(), Reason.QE_REPORT_SIGNATURE_INVALID));
      out.add(
          Arguments.of(
              n, "QE report MRSIGNER", l.qeReport() + 128, Reason.QE_REPORT_SIGNATURE_INVALID));
      out.add(
          Arguments.of(
              n, "QE report data", l.qeReport() + 320, Reason.QE_REPORT_SIGNATURE_INVALID));
      out.add(
          Arguments.of(
              n, "QE report signature", l.qeSignature() + 5, Reason.QE_REPORT_SIGNATURE_INVALID));
      if (l.authEnd() > l.authData()) {
        out.add(
            Arguments.of(
                n, "QE authentication data", l.authData(), Reason.QE_REPORT_DATA_MISMATCH));
      }
      out.add(
          Arguments.of(n, "PCK leaf certificate", l.certData() + 200, Reason.PCK_CHAIN_INVALID));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("quoteChanges")
  void aChangedByte_isRefused(String vector, String where, int offset, Reason expected)
      throws Exception {
    DcapVectors.Case v =
        DcapVectors.verifying().stream().filter(c -> c.quote().endsWith(vector)).findFirst().get();
    byte[] quote = v.quoteBytes();
    if (where.equals("PCK leaf certificate")) {
      // Another base64 digit keeps the PEM readable but changes the certificate.
      while (!Character.isLetterOrDigit(quote[offset])) {
        offset++;
      }
      quote[offset] = (byte) (quote[offset] == 'A' ? 'B' : 'A');
    } else {
      quote[offset] ^= 0x01;
    }

    assertThat(reason(v, quote, v.loadCollateral(), v.at())).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void theUnchangedVector_verifies_atBothEndsOfItsValidityWindow(DcapVectors.Case v)
      throws Exception {
    VerifiedClaims claims = v.verify();
    Instant from = claims.collateralValidFrom().orElseThrow();
    Instant until = claims.collateralValidUntil().orElseThrow();
    Collateral c = v.loadCollateral();

    assertThat(claims.tcbStatus()).isNotEqualTo(TcbStatus.UNKNOWN);
    assertThat(reason(v, v.quoteBytes(), c, from)).isNull();
    assertThat(reason(v, v.quoteBytes(), c, until)).isNull();
    assertThat(reason(v, v.quoteBytes(), c, from.minusSeconds(1)))
        .isEqualTo(Reason.COLLATERAL_EXPIRED);
    assertThat(reason(v, v.quoteBytes(), c, until.plusSeconds(1)))
        .isEqualTo(Reason.COLLATERAL_EXPIRED);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void changedSignedDocuments_areRefused(DcapVectors.Case v) throws Exception {
    Collateral c = v.loadCollateral();
    for (JsonKind kind : JsonKind.values()) {
      assertThat(reason(v, replaceDocument(c, kind, true)))
          .as(kind + " body")
          .isEqualTo(Reason.COLLATERAL_SIGNATURE_INVALID);
      assertThat(reason(v, replaceDocument(c, kind, false)))
          .as(kind + " signature")
          .isEqualTo(Reason.COLLATERAL_SIGNATURE_INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void aChangedCrl_isRefused(DcapVectors.Case v) throws Exception {
    Collateral c = v.loadCollateral();
    for (int i = 0; i < c.crls().size(); i++) {
      List<X509CRL> crls = new ArrayList<>(c.crls());
      byte[] der = crls.get(i).getEncoded();
      der[der.length - 3] ^= 0x01;
      crls.set(
          i,
          (X509CRL)
              CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der)));

      assertThat(reason(v, Collateral.of(c.certificates(), crls, c.documents())))
          .isEqualTo(Reason.COLLATERAL_SIGNATURE_INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void missingCollateral_isRefused(DcapVectors.Case v) throws Exception {
    Collateral c = v.loadCollateral();
    List<SignedJson> noTcbInfo =
        c.documents().stream().filter(d -> d.kind() != JsonKind.TCB_INFO).toList();
    List<SignedJson> noIdentity =
        c.documents().stream().filter(d -> d.kind() != JsonKind.ENCLAVE_IDENTITY).toList();
    List<X509Certificate> noSigner =
        c.certificates().stream().filter(x -> x.getBasicConstraints() >= 0).toList();

    assertThat(reason(v, Collateral.of(c.certificates(), c.crls(), noTcbInfo)))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    assertThat(reason(v, Collateral.of(c.certificates(), c.crls(), noIdentity)))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    assertThat(reason(v, Collateral.of(c.certificates(), List.of(), c.documents())))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    assertThat(reason(v, Collateral.of(noSigner, c.crls(), c.documents())))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    assertThat(reason(v, Collateral.empty())).isEqualTo(Reason.COLLATERAL_MISSING);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void withoutCollateral_signaturesAndChainStillVerify(DcapVectors.Case v) throws Exception {
    VerifiedClaims claims =
        v.verify(
            v.quoteBytes(), Collateral.empty(), VerificationOptions.at(v.at()).signaturesOnly());

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UNKNOWN);
    assertThat(claims.advisoryIds()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void anotherRoot_isNotTrusted(DcapVectors.Case v) throws Exception {
    DcapVerifier other =
        new DcapVerifier(
            DcapVectors.anchorsWithRoot("sgx/intel-qvl-sampledata-sgx/trustedRootCaCert.pem"));

    try {
      other.verify(v.evidence(v.quoteBytes()), v.loadCollateral(), VerificationOptions.at(v.at()));
      throw new AssertionError("verified under another root");
    } catch (AttestationException e) {
      assertThat(e.reason()).isEqualTo(Reason.PCK_CHAIN_INVALID);
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void theWrongEvidenceType_isRefused(DcapVectors.Case v) throws Exception {
    EvidenceType wrong =
        v.evidence(v.quoteBytes()).type() == EvidenceType.SGX ? EvidenceType.TDX : EvidenceType.SGX;
    try {
      DcapVectors.VERIFIER.verify(
          new io.coffer.attestation.Evidence(wrong, v.quoteBytes()),
          v.loadCollateral(),
          VerificationOptions.at(v.at()));
      throw new AssertionError("verified as " + wrong);
    } catch (AttestationException e) {
      assertThat(e.reason()).isEqualTo(Reason.MALFORMED_EVIDENCE);
    }
  }

  @org.junit.jupiter.api.Test
  void collateralOfAnotherPlatform_isRefused() throws Exception {
    DcapVectors.Case sgx = DcapVectors.DCAP_QVL_SGX;
    Collateral own = sgx.loadCollateral();
    Collateral other = DcapVectors.ZKDCAP_SGX.loadCollateral();
    Collateral tdx = DcapVectors.DCAP_QVL_TDX.loadCollateral();

    // Another FMSPC's TCB info.
    assertThat(reason(sgx, swap(own, other, JsonKind.TCB_INFO))).isEqualTo(Reason.FMSPC_MISMATCH);
    // A TDX TCB info for an SGX quote.
    assertThat(reason(sgx, swap(own, tdx, JsonKind.TCB_INFO))).isEqualTo(Reason.FMSPC_MISMATCH);
    // The TD_QE identity for an SGX quote.
    assertThat(reason(sgx, swap(own, tdx, JsonKind.ENCLAVE_IDENTITY)))
        .isEqualTo(Reason.QE_IDENTITY_MISMATCH);
  }

  @org.junit.jupiter.api.Test
  void collateralOfSeveralPlatformsAndDates_isSortedOut() throws Exception {
    Collateral everything = Collateral.empty();
    for (DcapVectors.Case v : DcapVectors.verifying()) {
      everything = everything.plus(v.loadCollateral());
    }
    for (DcapVectors.Case v : DcapVectors.verifying()) {
      assertThat(reason(v, everything)).as(v.quote()).isNull();
      assertThat(v.verify(v.quoteBytes(), everything, VerificationOptions.at(v.at())).tcbStatus())
          .isEqualTo(v.verify().tcbStatus());
    }
  }

  private static Collateral swap(Collateral own, Collateral from, JsonKind kind) {
    List<SignedJson> docs =
        new ArrayList<>(own.documents().stream().filter(d -> d.kind() != kind).toList());
    docs.addAll(from.documents(kind));
    List<X509Certificate> certs = new ArrayList<>(own.certificates());
    certs.addAll(from.certificates());
    return Collateral.of(certs, own.crls(), docs);
  }

  private static Collateral replaceDocument(Collateral c, JsonKind kind, boolean body) {
    List<SignedJson> docs = new ArrayList<>();
    for (SignedJson d : c.documents()) {
      if (d.kind() != kind) {
        docs.add(d);
        continue;
      }
      byte[] b = d.body();
      byte[] s = d.signature();
      if (body) {
        // A digit of the evaluation data number, or the first digit anywhere: still valid JSON.
        int i =
            new String(b, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\"version\":") + 10;
        b[i] = (byte) (b[i] == '2' ? '3' : '2');
      } else {
        s[40] ^= 0x01;
      }
      docs.add(new SignedJson(kind, b, s, d.source()));
    }
    return Collateral.of(c.certificates(), c.crls(), docs);
  }
}
