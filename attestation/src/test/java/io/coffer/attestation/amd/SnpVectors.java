package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.testing.Vectors;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;

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
