package io.coffer.cas.events;

import java.util.Optional;

/**
 * The types of ledger event, each with its {@code type} code. Codes are stable: auditors select
 * events by them. New types are added here and to {@link CasEvent}'s permitted records (as the
 * attestation, secret and volume events were); a reader that does not know a type refuses it with
 * {@link EventFormatException.Reason#UNKNOWN_TYPE}, so that it can skip it knowingly.
 */
public enum EventType {
  CAS_STARTED("cas.started"),
  POLICY_CREATED("policy.created"),
  POLICY_PROPOSED("policy.proposed"),
  POLICY_APPROVED("policy.approved"),
  POLICY_REJECTED("policy.rejected"),
  POLICY_WITHDRAWN("policy.withdrawn"),
  POLICY_SUPERSEDED("policy.superseded"),
  POLICY_EXPIRED("policy.expired"),
  POLICY_ACTIVATED("policy.activated"),
  ACCESS_DENIED("access.denied"),
  ATTESTATION_SUCCEEDED("attestation.succeeded"),
  ATTESTATION_FAILED("attestation.failed"),
  SECRET_RELEASED("secret.released"),
  VOLUME_TAG_UPDATED("volume.tag.updated");

  private final String code;

  EventType(String code) {
    this.code = code;
  }

  /** The {@code type} member's value: {@code policy.created}. */
  public String code() {
    return code;
  }

  /** The type of a code, if known. */
  public static Optional<EventType> ofCode(String code) {
    for (EventType t : values()) {
      if (t.code.equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
