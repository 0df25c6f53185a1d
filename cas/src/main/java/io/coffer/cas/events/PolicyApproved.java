package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code policy.approved}: an approval of a proposal verified and was recorded.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of the proposed version),
 * {@code voter} (the approving identity, whose signature over the change verified).
 */
public record PolicyApproved(
    Instant time, String name, String proposal, String hash, Identity voter) implements CasEvent {

  public PolicyApproved {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    Objects.requireNonNull(voter, "voter");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_APPROVED;
  }
}
