package io.coffer.cas.attest;

import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.pki.SpiffeId;
import io.coffer.cas.provision.EarAppraisal;
import io.coffer.cas.provision.EarIssuer;
import io.coffer.cas.service.ActivePolicy;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attestation result tokens signed with the CAS's TLS key, which the CAS's own evidence binds: a
 * relying party that verified the CAS (or fetched {@code GET /v1/attest/verify-key} from it over a
 * pinned connection) can check a workload's token offline.
 *
 * <p>{@code eat_nonce} is SHA-256 of the challenge's nonce (EAT bounds a nonce to 64 bytes; this
 * CAS's nonces are longer), and the token expires with the workload's certificate.
 */
public final class EarTokens implements ResultTokens {

  /** The build named in {@code ear.verifier-id}. */
  static final String BUILD = "coffer-cas " + version();

  private final EarIssuer issuer;

  public EarTokens(CasKeys keys, String casName) {
    this.issuer = new EarIssuer(keys.tlsPrivateKey(), keys.tlsCertificate(), casName, BUILD);
  }

  private static String version() {
    String v = EarTokens.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public String issue(
      ActivePolicy policy,
      String service,
      VerifiedClaims claims,
      WorkloadKey key,
      byte[] nonce,
      SpiffeId id,
      Instant expiresAt) {
    Map<String, byte[]> measurements = new LinkedHashMap<>();
    for (Map.Entry<String, ClaimValue> e : claims.claims().entrySet()) {
      if (e.getValue() instanceof ClaimValue.Bytes b && !e.getKey().equals("reportData")) {
        measurements.put(e.getKey(), b.value());
      }
    }
    return issuer.issue(
        new EarAppraisal(
            id.uri().toString(),
            policy.name(),
            policy.hash(),
            service,
            claims.platform(),
            claims.debug(),
            claims.tcbStatus(),
            claims.advisoryIds(),
            measurements,
            Digests.sha256(nonce),
            key.attested().thumbprint(),
            claims.verifiedAt(),
            expiresAt));
  }

  /** The JWK Set of the signing key, for {@code GET /v1/attest/verify-key}. */
  public String verificationKeys() {
    return issuer.verificationKeys();
  }
}
