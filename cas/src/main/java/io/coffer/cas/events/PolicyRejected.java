package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code policy.rejected}: an identity the update rule counts rejected a proposal, which closed;
 * the rejection's free-text reason is kept with the ballot, not in the ledger.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of the proposed version),
 * {@code voter} (the rejecting identity).
 */
public record PolicyRejected(
    Instant time, String name, String proposal, String hash, Identity voter) implements CasEvent {

  public PolicyRejected {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    Objects.requireNonNull(voter, "voter");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_REJECTED;
  }
}
