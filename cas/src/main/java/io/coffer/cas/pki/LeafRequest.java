package io.coffer.cas.pki;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What an end-entity certificate says: its subject, key, alternative names, extended key usages and
 * validity (truncated to whole seconds: X.509 times have no fractions, RFC 5280 §4.1.2.5).
 *
 * @param subject the subject name
 * @param key the certified key
 * @param san the subject alternative names, if any
 * @param extendedKeyUsage one or more key purposes
 * @param notBefore first instant of validity
 * @param notAfter last instant of validity, after {@code notBefore}
 */
record LeafRequest(
    X500Name subject,
    SubjectKey key,
    Optional<GeneralNames> san,
    List<KeyPurposeId> extendedKeyUsage,
    Instant notBefore,
    Instant notAfter) {

  LeafRequest {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(san, "san");
    extendedKeyUsage = List.copyOf(extendedKeyUsage);
    if (extendedKeyUsage.isEmpty()) {
      throw new IllegalArgumentException("a leaf certificate has at least one key purpose");
    }
    notBefore = notBefore.truncatedTo(ChronoUnit.SECONDS);
    notAfter = notAfter.truncatedTo(ChronoUnit.SECONDS);
    if (!notAfter.isAfter(notBefore)) {
      throw new IllegalArgumentException(
          "a certificate's validity ends after it starts: " + notBefore + " .. " + notAfter);
    }
  }
}
