package io.coffer.cas.events;

import java.time.Instant;

/**
 * One entry of the CAS's audit ledger: what happened, when, to which policy and by whom, in names,
 * hashes, identities and reason codes only, never a secret value. {@link EventCodec} writes and
 * reads its JSON form; {@code docs/cas.md} ("Ledger events") documents the schema.
 *
 * <p>Every event has {@code type} ({@link EventType#code()}), {@code time} (RFC 3339, UTC, to the
 * millisecond) and {@code schema} ({@value #SCHEMA}); the members of each type are documented on
 * its record. The records validate their values: a record exists only with a well-formed name,
 * hashes of 64 lower-case hex digits, proposal ids of 22 base64url characters and certificate
 * serials in lower-case hex.
 */
public sealed interface CasEvent
    permits CasStarted,
        PolicyCreated,
        PolicyProposed,
        PolicyApproved,
        PolicyRejected,
        PolicyWithdrawn,
        PolicySuperseded,
        PolicyExpired,
        PolicyActivated,
        AccessDenied,
        AttestationSucceeded,
        AttestationFailed,
        SecretReleased,
        VolumeTagUpdated {

  /** The version of the event schema this code writes and reads. */
  int SCHEMA = 1;

  /** The event's type. */
  EventType type();

  /** When it happened, to the millisecond. */
  Instant time();
}
