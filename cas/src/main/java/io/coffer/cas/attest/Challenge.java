package io.coffer.cas.attest;

import java.time.Instant;
import java.util.Objects;

/**
 * A challenge for one attestation: the nonce a workload binds into its evidence, and when it
 * expires.
 *
 * @param policy the policy it was issued for
 * @param service the service it was issued for
 * @param nonce the nonce's bytes (see {@link Nonces} for their layout)
 * @param expiresAt when it stops being accepted
 */
public record Challenge(String policy, String service, byte[] nonce, Instant expiresAt) {

  public Challenge {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(service, "service");
    nonce = nonce.clone();
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Challenge c
        && policy.equals(c.policy)
        && service.equals(c.service)
        && java.util.Arrays.equals(nonce, c.nonce)
        && expiresAt.equals(c.expiresAt);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "Challenge[" + policy + "/" + service + ", expires " + expiresAt + "]";
  }
}
