package io.coffer.archfixture.policy;

import io.coffer.archfixture.attestation.VerifiedClaims;
import io.coffer.archfixture.attestation.internal.Cache;

/** Builds claims without verifying anything and reaches into internals: both refused. */
public final class ForgedClaims {
  public VerifiedClaims forge() {
    return VerifiedClaims.builder();
  }

  public int peek(Cache cache) {
    return cache.size();
  }
}
