package io.coffer.cas.provision;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An EAR whose signature, type, profile, times and nonce {@link EarVerifier} checked. What the
 * status means for the relying party's decision is for its own policy: a verified EAR may well be
 * {@code contraindicated} (a simulated workload, for one).
 *
 * @param issuer {@code iss}: the CAS that issued it
 * @param subject {@code sub}: the workload's SPIFFE ID, when present
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param verifierDeveloper {@code ear_verifier_id.developer}
 * @param verifierBuild {@code ear_verifier_id.build}
 * @param status the overall status: {@code ear_status}, or the worst of the appraisals' when absent
 * @param appraisals the appraisals by submodule label
 * @param nonce {@code eat_nonce}, when present (copied)
 * @param attestedKey {@code cnf.jkt}: the key the result is for, when present
 */
public record VerifiedEar(
    String issuer,
    Optional<String> subject,
    Instant issuedAt,
    Instant expiresAt,
    String verifierDeveloper,
    String verifierBuild,
    TrustTier status,
    Map<String, Appraisal> appraisals,
    Optional<byte[]> nonce,
    Optional<KeyThumbprint> attestedKey) {

  public VerifiedEar {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(verifierDeveloper, "verifierDeveloper");
    Objects.requireNonNull(verifierBuild, "verifierBuild");
    Objects.requireNonNull(status, "status");
    appraisals = Map.copyOf(appraisals);
    nonce = Objects.requireNonNull(nonce, "nonce").map(byte[]::clone);
    Objects.requireNonNull(attestedKey, "attestedKey");
  }

  @Override
  public Optional<byte[]> nonce() {
    return nonce.map(byte[]::clone);
  }

  /**
   * One submodule's appraisal (EAR §3.1).
   *
   * @param status {@code ear_status}
   * @param vector {@code ear_trustworthiness_vector} (empty when absent)
   * @param policyIds {@code ear_appraisal_policy_ids} (empty when absent)
   * @param extensions the other claims of the appraisal, as parsed JSON, by name
   */
  public record Appraisal(
      TrustTier status,
      TrustworthinessVector vector,
      List<String> policyIds,
      Map<String, Object> extensions) {

    public Appraisal {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(vector, "vector");
      policyIds = List.copyOf(policyIds);
      extensions = Map.copyOf(extensions);
    }
  }
}
