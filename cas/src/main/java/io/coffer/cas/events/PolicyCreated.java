package io.coffer.cas.events;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code policy.created}: version 1 of a policy was stored and its name bound to its creator.
 *
 * <p>Members: {@code name}, {@code hash} (the policy hash), {@code creator} (identity string),
 * {@code approvers} (the identities whose approvals of the creation verified, possibly none).
 */
public record PolicyCreated(
    Instant time, String name, String hash, Identity creator, List<Identity> approvers)
    implements CasEvent {

  public PolicyCreated {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.hash(hash, "hash");
    Objects.requireNonNull(creator, "creator");
    approvers = EventValues.identities(approvers, "approvers");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_CREATED;
  }
}
