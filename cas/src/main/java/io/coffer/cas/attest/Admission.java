package io.coffer.cas.attest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An admitted workload's answer: its configuration encrypted to its attested key, and its
 * certificate.
 *
 * @param policy the policy
 * @param policyHash the version it was admitted under
 * @param service the service
 * @param configuration the configuration as a compact JWE (ECDH-ES, A256GCM) to the attested key
 * @param certificateChain the DER of the workload's certificate, then of the policy's CA
 *     certificate
 * @param expiresAt when the certificate expires: attest again before
 */
public record Admission(
    String policy,
    String policyHash,
    String service,
    String configuration,
    List<byte[]> certificateChain,
    Instant expiresAt) {

  public Admission {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configuration, "configuration");
    certificateChain = certificateChain.stream().map(byte[]::clone).toList();
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  @Override
  public String toString() {
    return "Admission[" + policy + "/" + service + "@" + policyHash + "]";
  }
}
