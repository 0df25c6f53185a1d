package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/** The SEV-SNP vectors of {@code testvectors/snp}, and instants inside their validity windows. */
final class SnpVectors {

  static final String GSG = "snp/go-sev-guest-milan-vcek/";
  static final String TRUSTEE_VCEK = "snp/trustee-milan-vcek/";
  static final String TRUSTEE_VLEK = "snp/trustee-milan-vlek/";
  static final String AZURE = "snp/trustee-azure-hcl-milan/";
  static final String KDS = "snp/amd-kds-cert-chains/";

  /** Inside every vector certificate's window except the VLEK's. */
  static final Instant VCEK_TIME = Instant.parse("2025-01-01T00:00:00Z");

  /** Inside the VLEK's window (2024-12-10T22:14:21Z..2025-12-10T22:14:21Z). */
  static final Instant VLEK_TIME = Instant.parse("2025-01-01T00:00:00Z");

  /** go-sev-guest's TestVerifyVcekCert instant: minutes after its VCEK's notBefore. */
  static final Instant GSG_VCEK_TIME = Instant.parse("2022-09-24T01:00:00Z");

  private SnpVectors() {}

  /**
   * A published report with its VCEK or VLEK and the instant to verify it at.
   *
   * @param name the vector's folder
   * @param type the evidence type its source verifies it as
   * @param report the report file
   * @param leaf the VCEK or VLEK file (for the Azure vector, the PEM holding VCEK, ASK and ARK)
   * @param at the instant its README states, or one inside every certificate's window where the
   *     source checks no dates
   */
  record Case(String name, EvidenceType type, String report, String leaf, Instant at) {

    byte[] reportBytes() {
      return bytes(report);
    }

    Collateral loadCollateral() throws AttestationException {
      return collateral(leaf);
    }

    /** Where the SNP report starts in the evidence: 0, or 0x20 inside an HCL report. */
    int snpOffset() {
      return type == EvidenceType.SNP_AZURE_HCL ? HclReport.HEADER_SIZE : 0;
    }

    /** The report version (at {@link #snpOffset()}). */
    int version() {
      return reportBytes()[snpOffset()];
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** go-sev-guest's Milan v2 report, at its TestVerifyVcekCert instant. */
  static final Case GSG_CASE =
      new Case(
          "go-sev-guest-milan-vcek",
          EvidenceType.SNP,
          GSG + "attestation.bin",
          GSG + "vcek.testcer",
          GSG_VCEK_TIME);

  /** trustee's Milan v2 report (trustee checks no dates). */
  static final Case TRUSTEE_VCEK_CASE =
      new Case(
          "trustee-milan-vcek",
          EvidenceType.SNP,
          TRUSTEE_VCEK + "test-report.bin",
          TRUSTEE_VCEK + "test-vcek.der",
          VCEK_TIME);

  /** trustee's Milan v3 VLEK report, inside the VLEK's one-year window. */
  static final Case TRUSTEE_VLEK_CASE =
      new Case(
          "trustee-milan-vlek",
          EvidenceType.SNP,
          TRUSTEE_VLEK + "test-vlek-report.bin",
          TRUSTEE_VLEK + "test-vlek.der",
          VLEK_TIME);

  /** trustee's Azure HCL report with its Milan v2 report (trustee checks no dates). */
  static final Case AZURE_CASE =
      new Case(
          "trustee-azure-hcl-milan",
          EvidenceType.SNP_AZURE_HCL,
          AZURE + "hcl-report.bin",
          AZURE + "vcek.pem",
          VCEK_TIME);

  /** Every published report. */
  static List<Case> cases() {
    return List.of(GSG_CASE, TRUSTEE_VCEK_CASE, TRUSTEE_VLEK_CASE, AZURE_CASE);
  }

  static byte[] bytes(String path) {
    return Vectors.bytes(path);
  }

  /** Collateral parsed by content, as the command line reads a collateral file. */
  static Collateral collateral(String... paths) throws AttestationException {
    Collateral c = Collateral.empty();
    for (String p : paths) {
      c = c.plus(CollateralParser.parse(p, Vectors.bytes(p)));
    }
    return c;
  }

  static X509Certificate certificate(String path) throws AttestationException {
    return collateral(path).certificates().getFirst();
  }

  /**
   * A certificate parsed by BouncyCastle's lenient factory: it accepts DER the JDK refuses (a TBS
   * signature algorithm that differs from the outer one), as trustee's parser does.
   */
  static X509Certificate lenientCertificate(byte[] der) throws CertificateException {
    return (X509Certificate)
        new org.bouncycastle.jcajce.provider.asymmetric.x509.CertificateFactory()
            .engineGenerateCertificate(new ByteArrayInputStream(der));
  }

  /** {@code bytes} with byte {@code index} incremented, as trustee's tamper tests do. */
  static byte[] plusOne(byte[] bytes, int index) {
    byte[] b = bytes.clone();
    b[index]++;
    return b;
  }
}
