package io.coffer.archfixture.policy;

import io.coffer.archfixture.attestation.Claims;

/** policy may use attestation's claim types: allowed. */
public final class PolicyUsingClaims {
  public boolean matches(Claims claims) {
    return claims.debug();
  }
}
