package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code policy.proposed}: a new version of a policy was proposed.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of the proposed version),
 * {@code predecessor} (the hash it would replace), {@code proposer} (identity string), {@code
 * expires} (RFC 3339, when it stops being able to activate).
 */
public record PolicyProposed(
    Instant time,
    String name,
    String proposal,
    String hash,
    String predecessor,
    Identity proposer,
    Instant expires)
    implements CasEvent {

  public PolicyProposed {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    EventValues.hash(predecessor, "predecessor");
    Objects.requireNonNull(proposer, "proposer");
    expires = EventValues.time(expires, "expires");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_PROPOSED;
  }
}
