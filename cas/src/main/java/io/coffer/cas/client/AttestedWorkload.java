package io.coffer.cas.client;

import java.security.KeyPair;
import java.util.Objects;

/**
 * An admitted workload: the CAS's answer, the key pair its certificate is for, and its opened
 * configuration (which holds secret values: never log it).
 *
 * @param answer the answer as received
 * @param key the workload's key pair
 * @param configuration the configuration document, JSON
 */
public record AttestedWorkload(AttestAnswer answer, KeyPair key, byte[] configuration) {

  public AttestedWorkload {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(key, "key");
    configuration = configuration.clone();
  }

  @Override
  public byte[] configuration() {
    return configuration.clone();
  }

  /**
   * The TLS client identity of this workload: its key and the certificate the CAS issued for it.
   */
  public ClientIdentity clientIdentity() {
    try {
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(key.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      return new ClientIdentity(
          io.coffer.policy.governance.IdentityKey.fromPem(pem),
          io.coffer.policy.governance.ClientCertificate.of(answer.certificateChain().get(0)));
    } catch (io.coffer.policy.governance.GovernanceException e) {
      throw new IllegalStateException("a workload key is a P-256 key: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "AttestedWorkload["
        + answer.policy()
        + "/"
        + answer.service()
        + ", configuration redacted]";
  }
}
