package io.coffer.cas.events;

import io.coffer.policy.model.Security;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code attestation.succeeded}: a workload's evidence verified, its key was bound to a fresh nonce
 * issued for this policy and service, its claims matched the service's identity and the policy's
 * tolerances, and the CAS issued a certificate for its key.
 *
 * <p>Members: {@code policy} (name), {@code policy_hash} (the version matched), {@code service},
 * {@code evidence_type} ({@code sgx}, {@code tdx}, {@code snp}, {@code snp-azure-hcl}, {@code
 * simulation}), {@code measurements} (an object: claim name in lower camel case to its value in
 * lower-case hex), {@code tcb_status} (the platform's TCB status as the verifier named it), {@code
 * advisories} (the advisory IDs that apply to the platform, ascending, each once), {@code
 * simulated} and {@code debug} (booleans), {@code public_key} (SHA-256 of the DER
 * SubjectPublicKeyInfo of the attested key), {@code certificate_serial} (of the certificate issued
 * for that key, lower-case hex).
 *
 * <p>Measurements are hashes of code and configuration, never secret: evidence is public.
 */
public record AttestationSucceeded(
    Instant time,
    String policy,
    String policyHash,
    String service,
    String evidenceType,
    Map<String, String> measurements,
    String tcbStatus,
    List<String> advisories,
    boolean simulated,
    boolean debug,
    String publicKey,
    String certificateSerial)
    implements CasEvent {

  /** The most measurements one event lists. */
  public static final int MAX_MEASUREMENTS = 64;

  /** The longest measurement, in bytes. */
  public static final int MAX_MEASUREMENT_BYTES = 128;

  /** The most advisory IDs one event lists (as many as a policy may ignore). */
  public static final int MAX_ADVISORIES = Security.MAX_ADVISORIES;

  private static final Pattern CLAIM = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
  private static final Pattern MEASUREMENT =
      Pattern.compile("(?:[0-9a-f]{2}){1," + MAX_MEASUREMENT_BYTES + "}");
  private static final Pattern TCB_STATUS = Pattern.compile("[A-Za-z]{1,64}");

  /**
   * Sorts {@code measurements} by claim name (as RFC 8785 §3.2.3 sorts members) and {@code
   * advisories} ascending.
   *
   * @throws IllegalArgumentException naming the member that is ill-formed
   */
  public AttestationSucceeded {
    time = EventValues.time(time, "time");
    EventValues.name(policy, "policy");
    EventValues.hash(policyHash, "policy_hash");
    EventValues.localName(service, "service");
    EventValues.evidenceType(evidenceType, "evidence_type");
    measurements = measurements(measurements);
    Objects.requireNonNull(tcbStatus, "tcb_status");
    if (!TCB_STATUS.matcher(tcbStatus).matches()) {
      throw new IllegalArgumentException("tcb_status: not 1 to 64 letters");
    }
    advisories = advisories(advisories);
    EventValues.hash(publicKey, "public_key");
    EventValues.certificateSerial(certificateSerial, "certificate_serial");
  }

  private static SortedMap<String, String> measurements(Map<String, String> measurements) {
    Objects.requireNonNull(measurements, "measurements");
    if (measurements.size() > MAX_MEASUREMENTS) {
      throw new IllegalArgumentException(
          "measurements: more than " + MAX_MEASUREMENTS + " measurements");
    }
    SortedMap<String, String> sorted = new TreeMap<>();
    for (Map.Entry<String, String> e : measurements.entrySet()) {
      String claim = Objects.requireNonNull(e.getKey(), "measurements: a claim name");
      if (!CLAIM.matcher(claim).matches()) {
        throw new IllegalArgumentException(
            "measurements: a claim name is not lower camel case ([a-z][A-Za-z0-9]{0,63})");
      }
      String value = Objects.requireNonNull(e.getValue(), "measurements." + claim);
      if (!MEASUREMENT.matcher(value).matches()) {
        throw new IllegalArgumentException(
            "measurements."
                + claim
                + ": not 1 to "
                + MAX_MEASUREMENT_BYTES
                + " bytes in lower-case hex");
      }
      sorted.put(claim, value);
    }
    return Collections.unmodifiableSortedMap(sorted);
  }

  private static List<String> advisories(List<String> advisories) {
    List<String> sorted =
        new ArrayList<>(EventValues.distinct(advisories, MAX_ADVISORIES, "advisories"));
    for (int i = 0; i < sorted.size(); i++) {
      String id = sorted.get(i);
      if (!Security.isAdvisoryId(id)) {
        throw new IllegalArgumentException(
            "advisories[" + i + "]: not an advisory ID such as INTEL-SA-00615");
      }
    }
    Collections.sort(sorted);
    return List.copyOf(sorted);
  }

  @Override
  public EventType type() {
    return EventType.ATTESTATION_SUCCEEDED;
  }
}
