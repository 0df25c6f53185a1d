package io.coffer.cas.events;

import java.time.Instant;

/**
 * {@code policy.superseded}: another proposal for the same predecessor activated, so this one
 * closed and can never activate.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of its proposed version),
 * {@code superseded_by} (the id of the proposal that activated).
 */
public record PolicySuperseded(
    Instant time, String name, String proposal, String hash, String supersededBy)
    implements CasEvent {

  public PolicySuperseded {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    EventValues.proposalId(supersededBy, "superseded_by");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_SUPERSEDED;
  }
}
