package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.List;

/**
 * {@code policy.activated}: a proposal's approvals satisfied the current version's update rule and
 * its version became the current one.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of the new current version),
 * {@code predecessor} (the hash it replaced), {@code version} (its number, from 2), {@code
 * approvers} (the identities whose approvals satisfied the rule).
 */
public record PolicyActivated(
    Instant time,
    String name,
    String proposal,
    String hash,
    String predecessor,
    int version,
    List<Identity> approvers)
    implements CasEvent {

  public PolicyActivated {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    EventValues.hash(predecessor, "predecessor");
    if (version < 2) {
      throw new IllegalArgumentException("version: an activated version is 2 or later");
    }
    approvers = EventValues.identities(approvers, "approvers");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_ACTIVATED;
  }
}
