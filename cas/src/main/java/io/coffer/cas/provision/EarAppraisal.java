package io.coffer.cas.provision;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.policy.model.PolicyName;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the CAS decided when it admitted a workload: the input of an EAR ({@link EarIssuer}). Only
 * admissions make EARs; a refused attempt gets no token.
 *
 * @param subject the workload's SPIFFE ID ({@code spiffe://<trust domain>/<policy>/<service>})
 * @param policy the policy's name
 * @param policyHash the policy's hash, 64 lower-case hex digits ({@code PolicyHash.of})
 * @param service the service's name in the policy
 * @param platform the platform of the verified evidence; {@link Platform#SIMULATION} is {@link
 *     #simulated()}
 * @param debug whether the TEE runs in debug mode
 * @param tcbStatus the TCB status of the verified evidence, as the policy tolerated it
 * @param advisoryIds the advisory IDs that apply to that TCB level and that the policy accepted
 * @param measurements the measurements that matched the service's identity, by claim name ({@code
 *     mrEnclave}, {@code mrtd}, ...); copied
 * @param nonce the challenge nonce the evidence was bound to, 8 to 64 bytes (RFC 9711 §4.1); copied
 * @param attestedKey the RFC 7638 thumbprint of the attested key the result is for
 * @param issuedAt when the CAS decided
 * @param expiresAt when relying parties must stop accepting the result; after {@code issuedAt}
 */
public record EarAppraisal(
    String subject,
    String policy,
    String policyHash,
    String service,
    Platform platform,
    boolean debug,
    TcbStatus tcbStatus,
    List<String> advisoryIds,
    Map<String, byte[]> measurements,
    byte[] nonce,
    KeyThumbprint attestedKey,
    Instant issuedAt,
    Instant expiresAt) {

  /** Nonce bounds of EAT (RFC 9711 §4.1), which {@code eat_nonce} follows. */
  public static final int MIN_NONCE_BYTES = 8;

  public static final int MAX_NONCE_BYTES = 64;

  /** Bounds on what one result carries. */
  public static final int MAX_MEASUREMENTS = 64;

  public static final int MAX_MEASUREMENT_BYTES = 1024;
  public static final int MAX_ADVISORIES = 256;
  public static final int MAX_NAME_CHARS = 255;

  private static final Pattern POLICY_HASH = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]+");

  /**
   * @throws IllegalArgumentException for a missing or malformed field (the message names it)
   */
  public EarAppraisal {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(tcbStatus, "tcbStatus");
    Objects.requireNonNull(attestedKey, "attestedKey");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    checkSpiffeId(subject);
    String problem = PolicyName.problem(policy);
    if (problem != null) {
      throw new IllegalArgumentException("policy: " + problem);
    }
    if (policyHash == null || !POLICY_HASH.matcher(policyHash).matches()) {
      throw new IllegalArgumentException("policyHash: not 64 lower-case hex digits");
    }
    checkName("service", service);
    advisoryIds = List.copyOf(Objects.requireNonNull(advisoryIds, "advisoryIds"));
    if (advisoryIds.size() > MAX_ADVISORIES) {
      throw new IllegalArgumentException("advisoryIds: more than " + MAX_ADVISORIES);
    }
    for (int i = 0; i < advisoryIds.size(); i++) {
      checkName("advisoryIds[" + i + "]", advisoryIds.get(i));
    }
    measurements = copyMeasurements(measurements);
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length < MIN_NONCE_BYTES || nonce.length > MAX_NONCE_BYTES) {
      throw new IllegalArgumentException(
          "nonce: "
              + nonce.length
              + " bytes, not "
              + MIN_NONCE_BYTES
              + " to "
              + MAX_NONCE_BYTES
              + " (RFC 9711 §4.1)");
    }
    nonce = nonce.clone();
    if (!expiresAt.isAfter(issuedAt)) {
      throw new IllegalArgumentException("expiresAt: not after issuedAt");
    }
  }

  /** Whether the evidence came from the simulator rather than a TEE. */
  public boolean simulated() {
    return platform == Platform.SIMULATION;
  }

  @Override
  public Map<String, byte[]> measurements() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    measurements.forEach((k, v) -> copy.put(k, v.clone()));
    return Collections.unmodifiableMap(copy);
  }

  @Override
  public byte[] nonce() {
    return nonce.clone();
  }

  /** The submodule label of this result in an EAR: {@code <policy>/<service>}. */
  public String submoduleLabel() {
    return policy + "/" + service;
  }

  private static void checkSpiffeId(String subject) {
    Objects.requireNonNull(subject, "subject");
    try {
      URI uri = new URI(subject);
      if (!"spiffe".equals(uri.getScheme())
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || uri.getRawUserInfo() != null
          || uri.getPort() != -1) {
        throw new IllegalArgumentException("subject: '" + subject + "' is not a SPIFFE ID");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("subject: '" + subject + "' is not a URI", e);
    }
  }

  private static void checkName(String field, String value) {
    if (value == null || value.length() > MAX_NAME_CHARS || !PRINTABLE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          field + ": 1 to " + MAX_NAME_CHARS + " printable ASCII characters, no spaces");
    }
  }

  private static Map<String, byte[]> copyMeasurements(Map<String, byte[]> measurements) {
    Objects.requireNonNull(measurements, "measurements");
    if (measurements.size() > MAX_MEASUREMENTS) {
      throw new IllegalArgumentException("measurements: more than " + MAX_MEASUREMENTS);
    }
    Map<String, byte[]> copy = new TreeMap<>();
    measurements.forEach((name, value) -> {
      checkName("measurements key", name);
      if (value == null || value.length == 0 || value.length > MAX_MEASUREMENT_BYTES) {
        throw new IllegalArgumentException(
            "measurements." + name + ": 1 to " + MAX_MEASUREMENT_BYTES + " bytes");
      }
      copy.put(name, value.clone());
    });
    return Collections.unmodifiableMap(copy);
  }
}
