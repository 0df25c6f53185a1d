package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The certificates of certification data type 5: the PCK leaf, the PCK CA that issued it, and the
 * root, as concatenated PEM (Intel's definition) or, as Intel's own TDX sample data has it,
 * concatenated DER.
 */
final class PckChain {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]*?)-----END CERTIFICATE-----");
  private static final int MAX_CERTIFICATES = 8;

  private PckChain() {}

  /**
   * The certificates in {@code data}, in order.
   *
   * @throws AttestationException {@code PCK_CHAIN_INVALID} if they cannot be read
   */
  static List<X509Certificate> parse(byte[] data) throws AttestationException {
    String text = new String(data, StandardCharsets.US_ASCII);
    List<X509Certificate> out = new ArrayList<>();
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      if (text.contains("-----BEGIN CERTIFICATE-----")) {
        Matcher m = PEM.matcher(text);
        while (m.find() && out.size() <= MAX_CERTIFICATES) {
          byte[] der = Base64.getMimeDecoder().decode(m.group(1));
          out.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(der)));
        }
      } else {
        ByteArrayInputStream in = new ByteArrayInputStream(data);
        while (in.available() > 0
            && data[data.length - in.available()] == 0x30
            && out.size() <= MAX_CERTIFICATES) {
          out.add((X509Certificate) f.generateCertificate(in));
        }
      }
    } catch (CertificateException | IllegalArgumentException e) {
      throw invalid("the PCK certificate chain in the quote cannot be read: " + e.getMessage());
    }
    if (out.size() > MAX_CERTIFICATES) {
      throw invalid(
          "the PCK certificate chain has more than " + MAX_CERTIFICATES + " certificates");
    }
    if (out.size() < 3) {
      throw invalid(
          "incomplete PCK certificate chain: "
              + out.size()
              + " certificates, expected PCK leaf, PCK CA and root");
    }
    return ordered(out);
  }

  /**
   * The chain from the PCK leaf (the one certificate that is not a CA) up through issuers, in
   * whatever order the certification data listed it.
   */
  static List<X509Certificate> ordered(List<X509Certificate> certs) throws AttestationException {
    List<X509Certificate> leaves = certs.stream().filter(c -> c.getBasicConstraints() < 0).toList();
    if (leaves.size() != 1) {
      throw invalid(
          "the PCK certificate chain has "
              + leaves.size()
              + " end-entity certificates, expected 1");
    }
    List<X509Certificate> chain = new ArrayList<>(List.of(leaves.getFirst()));
    while (chain.size() < certs.size()) {
      X509Certificate last = chain.getLast();
      if (last.getIssuerX500Principal().equals(last.getSubjectX500Principal())) {
        break;
      }
      X509Certificate issuer =
          certs.stream()
              .filter(c -> c.getSubjectX500Principal().equals(last.getIssuerX500Principal()))
              .filter(c -> !chain.contains(c))
              .findFirst()
              .orElseThrow(() ->
                  invalid(
                      "the PCK certificate chain lacks the issuer of "
                          + last.getSubjectX500Principal().getName()));
      chain.add(issuer);
    }
    return chain;
  }

  private static AttestationException invalid(String message) {
    return new AttestationException(Reason.PCK_CHAIN_INVALID, message);
  }
}
