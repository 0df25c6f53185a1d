package io.coffer.policy.matching;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.security.GeneralSecurityException;
import java.time.Instant;

/**
 * Claims from real verifications of the published attestation vectors, at the instants their
 * sources state (see the vectors' README).
 */
final class VerifiedVectors {

  private static final AttestationVerifier VERIFIER =
      AttestationVerifier.create(TrustAnchors.defaults());

  private VerifiedVectors() {}

  /** dcap-qvl's SGX v3 quote: ConfigurationAndSWHardeningNeeded, INTEL-SA-00289 and -00615. */
  static VerifiedClaims dcapQvlSgx() throws AttestationException {
    return dcap(
        "sgx/dcap-qvl-sgx-v3/sgx_quote",
        "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json",
        VerificationOptions.at(Instant.ofEpochSecond(1752919277L)));
  }

  /** The same quote verified by signatures only: status Unknown. */
  static VerifiedClaims dcapQvlSgxSignaturesOnly() throws AttestationException {
    return dcap(
        "sgx/dcap-qvl-sgx-v3/sgx_quote",
        "sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json",
        VerificationOptions.at(Instant.ofEpochSecond(1752919277L)).signaturesOnly());
  }

  /** dcap-qvl's TDX v4 quote: UpToDate, no advisories. */
  static VerifiedClaims dcapQvlTdx() throws AttestationException {
    return dcap(
        "tdx/dcap-qvl-tdx-v4/tdx_quote",
        "tdx/dcap-qvl-tdx-v4/tdx_quote_collateral.json",
        VerificationOptions.at(Instant.ofEpochSecond(1752919234L)));
  }

  /** zkdcap's SGX v3 quote: SWHardeningNeeded, INTEL-SA-00334 and -00615. */
  static VerifiedClaims zkdcapSgx() throws AttestationException {
    return VERIFIER.verify(
        new Evidence(
            EvidenceType.SGX, Vectors.bytes("sgx/zkdcap-sgx-v3/quote_v3_00906ED50000.dat")),
        collateral(
            "sgx/zkdcap-sgx-v3/tcbinfov3_00906ED50000.json",
            "sgx/zkdcap-sgx-v3/qeidentityv2_sgx.json",
            "sgx/zkdcap-sgx-v3/tcb_signing_cert.pem",
            "sgx/zkdcap-sgx-v3/intel_root_ca_crl.der",
            "sgx/zkdcap-sgx-v3/pck_processor_crl.der"),
        VerificationOptions.at(Instant.ofEpochSecond(1737458686L)));
  }

  /** zkdcap's TDX v4 quote: OutOfDate. */
  static VerifiedClaims zkdcapTdx() throws AttestationException {
    return VERIFIER.verify(
        new Evidence(
            EvidenceType.TDX, Vectors.bytes("tdx/zkdcap-tdx-v4/quote_tdx_00806f050000.dat")),
        collateral(
            "tdx/zkdcap-tdx-v4/tcbinfov3_00806f050000.json",
            "tdx/zkdcap-tdx-v4/qeidentityv2_tdx.json",
            "tdx/zkdcap-tdx-v4/tcb_signing_cert.pem",
            "tdx/zkdcap-tdx-v4/intel_root_ca_crl.der",
            "tdx/zkdcap-tdx-v4/pck_platform_crl.der"),
        VerificationOptions.at(Instant.ofEpochSecond(1737467060L)));
  }

  /** trustee's Milan v2 SEV-SNP report with its VCEK. */
  static VerifiedClaims trusteeSnp() throws AttestationException {
    return VERIFIER.verify(
        new Evidence(EvidenceType.SNP, Vectors.bytes("snp/trustee-milan-vcek/test-report.bin")),
        collateral("snp/trustee-milan-vcek/test-vcek.der"),
        VerificationOptions.at(Instant.parse("2025-01-01T00:00:00Z")));
  }

  /** trustee's Azure HCL report around a Milan v2 SEV-SNP report. */
  static VerifiedClaims trusteeAzureHcl() throws AttestationException {
    return VERIFIER.verify(
        new Evidence(
            EvidenceType.SNP_AZURE_HCL,
            Vectors.bytes("snp/trustee-azure-hcl-milan/hcl-report.bin")),
        collateral("snp/trustee-azure-hcl-milan/vcek.pem"),
        VerificationOptions.at(Instant.parse("2025-01-01T00:00:00Z")));
  }

  /** Simulated evidence of {@code measurement}, from a freshly generated simulated platform. */
  static VerifiedClaims simulated(byte[] measurement)
      throws GeneralSecurityException, AttestationException {
    SimulatedPlatform platform = SimulatedPlatform.generate();
    Instant now = Instant.parse("2026-11-21T12:00:00Z");
    Evidence evidence = platform.attest(measurement, new byte[64], now);
    return AttestationVerifier.create(
            TrustAnchors.defaults().withSimulationKey(platform.publicKey()))
        .verify(evidence, Collateral.empty(), VerificationOptions.at(now).allowingSimulation());
  }

  private static VerifiedClaims dcap(String quote, String bundle, VerificationOptions options)
      throws AttestationException {
    return VERIFIER.verify(
        new Evidence(EvidenceType.fromCliName(quote.substring(0, 3)), Vectors.bytes(quote)),
        collateral(bundle),
        options);
  }

  private static Collateral collateral(String... paths) throws AttestationException {
    Collateral c = Collateral.empty();
    for (String path : paths) {
      c = c.plus(CollateralParser.parse(path, Vectors.bytes(path)));
    }
    return c;
  }
}
