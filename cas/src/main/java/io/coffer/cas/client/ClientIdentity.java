package io.coffer.cas.client;

import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.IdentityKey;
import java.util.Objects;

/**
 * The key and self-signed certificate a client authenticates with, as {@code coffer identity
 * create} writes them ({@code key.pem}, {@code cert.pem}).
 *
 * @param key the private key
 * @param certificate the self-signed certificate of that key
 */
public record ClientIdentity(IdentityKey key, ClientCertificate certificate) {

  public ClientIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    boolean matches;
    try {
      matches = certificate.keyIdentity().equals(key.identity());
    } catch (io.coffer.policy.governance.GovernanceException e) {
      matches = false;
    }
    if (!matches) {
      throw new IllegalArgumentException("the certificate is not for this key");
    }
  }
}
