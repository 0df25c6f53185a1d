package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A VCEK or VLEK whose chain to a pinned ARK was verified: names, algorithms and signatures. Its
 * dates are checked for each use by {@link #checkValidAt}, so one verified chain serves every
 * report it signs for as long as all three certificates are valid.
 *
 * @param leaf the VCEK or VLEK with its extensions
 * @param leafKey the leaf's public key (EC P-384), reused for every report
 * @param intermediate the ASK (for a VCEK) or ASVK (for a VLEK)
 * @param ark the pinned ARK
 */
record VerifiedChain(
    EndorsementKey leaf, PublicKey leafKey, X509Certificate intermediate, X509Certificate ark) {

  VerifiedChain {
    Objects.requireNonNull(leaf, "leaf");
    Objects.requireNonNull(leafKey, "leafKey");
    Objects.requireNonNull(intermediate, "intermediate");
    Objects.requireNonNull(ark, "ark");
  }

  /** The product line of every certificate of the chain. */
  ProductLine product() {
    return leaf.product();
  }

  /** Leaf, intermediate, ARK. */
  List<X509Certificate> certificates() {
    return List.of(leaf.certificate(), intermediate, ark);
  }

  /** The latest notBefore of the chain. */
  Instant validFrom() {
    return certificates().stream()
        .map(c -> c.getNotBefore().toInstant())
        .max(Instant::compareTo)
        .orElseThrow();
  }

  /** The earliest notAfter of the chain. */
  Instant validUntil() {
    return certificates().stream()
        .map(c -> c.getNotAfter().toInstant())
        .min(Instant::compareTo)
        .orElseThrow();
  }

  /**
   * Checks that every certificate is valid at {@code at} (RFC 5280 §4.1.2.5: notBefore and notAfter
   * inclusive).
   *
   * @throws AttestationException {@code VCEK_CHAIN_INVALID} naming the first that is not
   */
  void checkValidAt(Instant at) throws AttestationException {
    for (X509Certificate c : certificates()) {
      Instant from = c.getNotBefore().toInstant();
      Instant until = c.getNotAfter().toInstant();
      if (at.isBefore(from) || at.isAfter(until)) {
        throw new AttestationException(
            Reason.VCEK_CHAIN_INVALID,
            CommonName.of(c.getSubjectX500Principal()).orElse("an AMD certificate")
                + " is valid from "
                + from
                + " until "
                + until
                + ", not at "
                + at);
      }
    }
  }
}
