package io.coffer.cas.service;

import io.coffer.policy.governance.Identity;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a request, as its TLS client certificate proves it.
 *
 * @param certificate the {@code cert-sha256:} identity of the certificate's key
 * @param key the identity of the same key as a policy writes it ({@code ed25519:}, {@code p256:},
 *     {@code p384:}), when the key is of a type policies can name
 */
public record Caller(Identity certificate, Optional<Identity> key) {

  public Caller {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(key, "key");
    if (certificate.type() != Identity.Type.CERT_SHA256) {
      throw new IllegalArgumentException("a caller's certificate identity must be cert-sha256");
    }
  }

  /** Every identity that stands for this caller in a rule: the key and its certificate. */
  public Set<Identity> identities() {
    // A key identity and a cert-sha256 identity are never equal.
    return key.isPresent() ? Set.of(key.get(), certificate) : Set.of(certificate);
  }

  /** The identity recorded for this caller (as creator, proposer, voter): the key when known. */
  public Identity primary() {
    return key.orElse(certificate);
  }
}
