package io.coffer.cas.attest;

import io.coffer.attestation.VerifiedClaims;
import io.coffer.cas.pki.SpiffeId;
import io.coffer.cas.service.ActivePolicy;
import java.time.Instant;

/** Makes the attestation result token (an EAR JWT) that goes into an admitted configuration. */
public interface ResultTokens {

  /** The token for a workload admitted under {@code policy} as {@code service}. */
  String issue(
      ActivePolicy policy,
      String service,
      VerifiedClaims claims,
      WorkloadKey key,
      byte[] nonce,
      SpiffeId id,
      Instant expiresAt);
}
