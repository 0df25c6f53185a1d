package io.coffer.cas.attest;

import io.coffer.attestation.EvidenceType;
import java.util.Objects;
import java.util.Optional;

/**
 * What a workload sends to be admitted; nothing in it is trusted.
 *
 * @param policy the policy it claims, when sent (must then be the nonce's)
 * @param service the service it claims, when sent (must then be the nonce's)
 * @param nonce the nonce of its challenge
 * @param evidenceType the format of its evidence
 * @param evidence the evidence
 * @param publicKey the SubjectPublicKeyInfo DER of the key it made in the TEE
 */
public record AttestRequest(
    Optional<String> policy,
    Optional<String> service,
    byte[] nonce,
    EvidenceType evidenceType,
    byte[] evidence,
    byte[] publicKey) {

  public AttestRequest {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(service, "service");
    nonce = nonce.clone();
    Objects.requireNonNull(evidenceType, "evidenceType");
    evidence = evidence.clone();
    publicKey = publicKey.clone();
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public byte[] evidence() {
    return evidence.clone();
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttestRequest r
        && policy.equals(r.policy)
        && service.equals(r.service)
        && java.util.Arrays.equals(nonce, r.nonce)
        && evidenceType == r.evidenceType
        && java.util.Arrays.equals(evidence, r.evidence)
        && java.util.Arrays.equals(publicKey, r.publicKey);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(nonce);
  }

  @Override
  public String toString() {
    return "AttestRequest["
        + policy.orElse("?")
        + "/"
        + service.orElse("?")
        + ", "
        + evidenceType.cliName()
        + ", "
        + evidence.length
        + " bytes]";
  }
}
