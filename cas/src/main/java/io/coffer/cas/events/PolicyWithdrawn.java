package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code policy.withdrawn}: the proposer withdrew a proposal, which closed.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of the proposed version),
 * {@code by} (the proposer's identity).
 */
public record PolicyWithdrawn(Instant time, String name, String proposal, String hash, Identity by)
    implements CasEvent {

  public PolicyWithdrawn {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    Objects.requireNonNull(by, "by");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_WITHDRAWN;
  }
}
