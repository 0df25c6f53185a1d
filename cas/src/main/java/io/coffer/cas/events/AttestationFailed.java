package io.coffer.cas.events;

import io.coffer.policy.matching.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code attestation.failed}: a workload was refused; it received no configuration, no secret and
 * no certificate.
 *
 * <p>Members: {@code policy} (name), {@code service}, {@code reasons} (an array of {@link Reason}
 * codes, at least one, each once, in the order they were found), {@code evidence_type} (only when
 * the request named a known one), {@code public_key} (SHA-256 of the DER SubjectPublicKeyInfo of
 * the key the workload presented, only when it parsed).
 *
 * <p>Restrictions: a request whose policy or service is not even a well-formed name is refused as
 * malformed before it is an attempt, and has no event: an event never carries text the CAS did not
 * check.
 */
public record AttestationFailed(
    Instant time,
    String policy,
    String service,
    List<Reason> reasons,
    Optional<String> evidenceType,
    Optional<String> publicKey)
    implements CasEvent {

  /** The most reasons one event lists. */
  public static final int MAX_REASONS = 32;

  /**
   * Why an attestation was refused. Codes are the lower-case names with dashes: {@code
   * nonce-replayed}. They are stable: auditors and problem responses carry them, never message
   * text.
   */
  public enum Reason {
    /** The evidence did not verify: its signatures, certificate chain, collateral or format. */
    EVIDENCE_INVALID,
    /** The evidence is not of the type the request named. */
    EVIDENCE_TYPE_MISMATCH,
    /** The evidence is simulated and the policy does not tolerate {@code simulation}. */
    SIMULATION_NOT_TOLERATED,
    /** The TEE runs in debug mode and the policy does not tolerate {@code debug}. */
    DEBUG_NOT_TOLERATED,
    /** The TCB status needs a tolerance the policy does not give. */
    TCB_STATUS_NOT_TOLERATED,
    /** The TCB status was not evaluated (signatures only); no tolerance admits it. */
    TCB_STATUS_UNKNOWN,
    /** An advisory applies to the platform's TCB and is not in {@code ignore_advisories}. */
    ADVISORY_NOT_IGNORED,
    /**
     * A claim differs from what every alternative of the service's identity for the platform
     * requires: another value, below a minimum, above a maximum, missing or malformed.
     */
    WRONG_MEASUREMENT,
    /** The service's identity has no alternative for the evidence's platform. */
    NO_ALTERNATIVE_FOR_PLATFORM,
    /** The nonce is not one this CAS issued. */
    NONCE_INVALID,
    /** The nonce was issued more than its lifetime ago. */
    NONCE_EXPIRED,
    /** The nonce was already used by an attempt. */
    NONCE_REPLAYED,
    /** The nonce was issued for another policy or service. */
    NONCE_MISMATCH,
    /** The evidence's report data is not SHA-512(nonce || the presented SubjectPublicKeyInfo). */
    KEY_NOT_BOUND,
    /** The presented public key is of a type or curve the CAS does not issue certificates for. */
    KEY_UNSUPPORTED,
    /** The policy's current version has no service of that name. */
    UNKNOWN_SERVICE,
    /** The certificate for the attested key could not be issued (no CA key available). */
    CERTIFICATE_UNAVAILABLE,
    /**
     * A secret or volume the service needs is imported, and the exporting and importing policies do
     * not both share it (any more); or the key of the service's protected image tree is not a
     * 32-byte binary value (an imported one whose exporter declared another size).
     */
    SECRET_UNAVAILABLE;

    /** The code in the event: {@code nonce-replayed}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The reason of a code, if known. */
    public static Optional<Reason> ofCode(String code) {
      for (Reason r : values()) {
        if (r.code().equals(code)) {
          return Optional.of(r);
        }
      }
      return Optional.empty();
    }

    /** The reason for a refusal by the policy's claim matching. */
    public static Reason of(ReasonCode code) {
      return switch (code) {
        case SIMULATION_NOT_TOLERATED -> SIMULATION_NOT_TOLERATED;
        case DEBUG_NOT_TOLERATED -> DEBUG_NOT_TOLERATED;
        case TCB_STATUS_NOT_TOLERATED -> TCB_STATUS_NOT_TOLERATED;
        case TCB_STATUS_UNKNOWN -> TCB_STATUS_UNKNOWN;
        case ADVISORY_NOT_IGNORED -> ADVISORY_NOT_IGNORED;
        case NO_ALTERNATIVE_FOR_PLATFORM -> NO_ALTERNATIVE_FOR_PLATFORM;
        case CLAIM_MISMATCH,
            CLAIM_BELOW_MINIMUM,
            CLAIM_ABOVE_MAXIMUM,
            CLAIM_MISSING,
            CLAIM_MALFORMED ->
            WRONG_MEASUREMENT;
      };
    }
  }

  /**
   * @throws IllegalArgumentException naming the member that is ill-formed
   */
  public AttestationFailed {
    time = EventValues.time(time, "time");
    EventValues.name(policy, "policy");
    EventValues.localName(service, "service");
    reasons = EventValues.distinct(reasons, MAX_REASONS, "reasons");
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("reasons: a failure has at least one reason");
    }
    EventValues.optional(
        evidenceType, "evidence_type", t -> EventValues.evidenceType(t, "evidence_type"));
    EventValues.optional(publicKey, "public_key", k -> EventValues.hash(k, "public_key"));
  }

  @Override
  public EventType type() {
    return EventType.ATTESTATION_FAILED;
  }
}
