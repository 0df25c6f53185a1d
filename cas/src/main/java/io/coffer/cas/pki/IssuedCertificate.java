package io.coffer.cas.pki;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate just issued, as its DER encoding with the serial number and end of validity it was
 * issued with: what serving a workload needs, without parsing the certificate back.
 *
 * @param der the certificate's DER encoding
 * @param serial its serial number
 * @param notAfter the end of its validity
 */
public record IssuedCertificate(byte[] der, BigInteger serial, Instant notAfter) {

  public IssuedCertificate {
    der = der.clone();
    Objects.requireNonNull(serial, "serial");
    Objects.requireNonNull(notAfter, "notAfter");
  }

  @Override
  public byte[] der() {
    return der.clone();
  }

  /** The certificate, parsed by the JDK. */
  public X509Certificate certificate() {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK refuses a certificate Coffer made", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IssuedCertificate c && java.util.Arrays.equals(der, c.der);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "IssuedCertificate[serial " + serial.toString(16) + ", until " + notAfter + "]";
  }
}
