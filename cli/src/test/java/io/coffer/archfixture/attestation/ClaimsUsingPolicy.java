package io.coffer.archfixture.attestation;

import io.coffer.archfixture.policy.PolicyUsingClaims;

/** attestation reaching up into policy: forbidden. */
public final class ClaimsUsingPolicy {
  public boolean check(Claims claims) {
    return new PolicyUsingClaims().matches(claims);
  }
}
