package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralFiles;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.EvidenceDetector;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The published SGX and TDX vectors as (quote, collateral, instant) cases, with the instants their
 * sources use.
 */
final class DcapVectors {

  /** A quote with the collateral and instant to verify it at. */
  record Case(String quote, List<String> collateral, Instant at) {
    byte[] quoteBytes() {
      return Vectors.bytes(quote);
    }

    Collateral loadCollateral() throws AttestationException {
      return CollateralFiles.load(collateral.stream().map(Vectors::path).toList());
    }

    Evidence evidence(byte[] bytes) throws AttestationException {
      return new Evidence(EvidenceDetector.detect(quoteBytes()), bytes);
    }

    VerifiedClaims verify() throws AttestationException {
      return verify(quoteBytes(), loadCollateral(), VerificationOptions.at(at));
    }

    VerifiedClaims verifySignatures() throws AttestationException {
      return verify(quoteBytes(), loadCollateral(), VerificationOptions.at(at).signaturesOnly());
    }

    VerifiedClaims verify(byte[] quote, Collateral c, VerificationOptions options)
        throws AttestationException {
      return VERIFIER.verify(evidence(quote), c, options);
    }

    Case at(Instant other) {
      return new Case(quote, collateral, other);
    }

    Case with(List<String> otherCollateral) {
      return new Case(quote, otherCollateral, at);
    }

    Case plus(String... more) {
      List<String> all = new ArrayList<>(collateral);
      all.addAll(List.of(more));
      return new Case(quote, all, at);
    }
  }

  /** One verifier for all tests, so that its caches are exercised across vectors. */
  static final DcapVerifier VERIFIER = new DcapVerifier(TrustAnchors.defaults());

  static final Case DCAP_QVL_SGX =
      new Case(
          "sgx/dcap-qvl-sgx-v3/sgx_quote",
          List.of("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json"),
          Instant.ofEpochSecond(1752919277L));

  static final Case ZKDCAP_SGX =
      new Case(
          "sgx/zkdcap-sgx-v3/quote_v3_00906ED50000.dat",
          List.of(
              "sgx/zkdcap-sgx-v3/tcbinfov3_00906ED50000.json",
              "sgx/zkdcap-sgx-v3/qeidentityv2_sgx.json",
              "sgx/zkdcap-sgx-v3/tcb_signing_cert.pem",
              "sgx/zkdcap-sgx-v3/intel_root_ca_crl.der",
              "sgx/zkdcap-sgx-v3/pck_processor_crl.der"),
          Instant.ofEpochSecond(1737458686L));

  static final Case ZKDCAP_TDX =
      new Case(
          "tdx/zkdcap-tdx-v4/quote_tdx_00806f050000.dat",
          List.of(
              "tdx/zkdcap-tdx-v4/tcbinfov3_00806f050000.json",
              "tdx/zkdcap-tdx-v4/qeidentityv2_tdx.json",
              "tdx/zkdcap-tdx-v4/tcb_signing_cert.pem",
              "tdx/zkdcap-tdx-v4/intel_root_ca_crl.der",
              "tdx/zkdcap-tdx-v4/pck_platform_crl.der"),
          Instant.ofEpochSecond(1737467060L));

  static final Case DCAP_QVL_TDX =
      new Case(
          "tdx/dcap-qvl-tdx-v4/tdx_quote",
          List.of("tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json"),
          Instant.ofEpochSecond(1752919234L));

  static final Case DCAP_QVL_TDX_V5 =
      new Case(
          "tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated",
          List.of("tdx/dcap-qvl-tdx-v5-outdated/tdx_quote_outdated_collateral.json"),
          Instant.ofEpochSecond(1774003274L));

  /** go-tdx-guest's T0. */
  static final Instant GO_T0 = Instant.parse("2023-07-01T01:00:00Z");

  static final Case GO_TDX_V4 =
      new Case(
          "tdx/go-tdx-guest-v4/tdx_prod_quote_SPR_E4.dat",
          List.of(
              "tdx/go-tdx-guest-v4/sample_tcbInfo_response",
              "tdx/go-tdx-guest-v4/sample_qeIdentity_response",
              "tdx/go-tdx-guest-v4/tcbInfoIssuerChain.pem",
              "tdx/go-tdx-guest-v4/qeIdentityIssuerChain.pem",
              "tdx/go-tdx-guest-v4/pckCrlIssuerChain.pem",
              "tdx/go-tdx-guest-v4/pckcrl",
              "tdx/go-tdx-guest-v4/rootcrl.der"),
          GO_T0);

  /** go-tdx-guest's T5. */
  static final Instant GO_T5 = Instant.parse("2026-02-03T01:00:00Z");

  static final Case GO_TDX_V5 =
      new Case("tdx/go-tdx-guest-v5/quote_v5_sample.dat", List.of(), GO_T5);

  static final Case MOBILECOIN =
      new Case(
          "sgx/mobilecoin-hw-quote-v3/hw_quote.dat",
          List.of(
              "sgx/mobilecoin-hw-quote-v3/processor_crl.der",
              "sgx/mobilecoin-hw-quote-v3/root_crl.der"),
          // The source states no instant; this one is inside both CRLs' windows.
          Instant.parse("2023-05-01T00:00:00Z"));

  /** The cases with full collateral that verify. */
  static List<Case> verifying() {
    return List.of(DCAP_QVL_SGX, ZKDCAP_SGX, ZKDCAP_TDX, DCAP_QVL_TDX);
  }

  static TrustAnchors anchorsWithRoot(String pem) throws Exception {
    X509Certificate root =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Vectors.bytes(pem)));
    return TrustAnchors.defaults().withIntelRootsReplacedBy(List.of(root));
  }

  private DcapVectors() {}
}
