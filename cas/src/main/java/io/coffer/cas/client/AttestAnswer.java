package io.coffer.cas.client;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The CAS's answer to an admitted workload, as received: nothing in it is opened yet.
 *
 * @param policy the policy
 * @param policyHash the version admitted under
 * @param service the service
 * @param configuration the configuration, a compact JWE to the workload's key
 * @param certificateChain the workload's certificate, then its policy's CA certificate
 * @param expiresAt when the certificate expires
 */
public record AttestAnswer(
    String policy,
    String policyHash,
    String service,
    String configuration,
    List<X509Certificate> certificateChain,
    Instant expiresAt) {

  public AttestAnswer {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(policyHash, "policyHash");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(configuration, "configuration");
    certificateChain = List.copyOf(certificateChain);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
