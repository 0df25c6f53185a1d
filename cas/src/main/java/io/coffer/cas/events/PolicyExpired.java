package io.coffer.cas.events;

import java.time.Instant;

/**
 * {@code policy.expired}: an open proposal was found past its expiry and closed. Recorded lazily,
 * by the first operation that touches the proposal after it expired (its {@code time} is then later
 * than {@code expires}); a proposal past its expiry never activates, recorded or not.
 *
 * <p>Members: {@code name}, {@code proposal} (its id), {@code hash} (of its proposed version),
 * {@code expires} (RFC 3339, its expiry).
 */
public record PolicyExpired(
    Instant time, String name, String proposal, String hash, Instant expires) implements CasEvent {

  public PolicyExpired {
    time = EventValues.time(time, "time");
    EventValues.name(name, "name");
    EventValues.proposalId(proposal, "proposal");
    EventValues.hash(hash, "hash");
    expires = EventValues.time(expires, "expires");
  }

  @Override
  public EventType type() {
    return EventType.POLICY_EXPIRED;
  }
}
