package io.coffer.cas.service;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One vote on a proposal.
 *
 * @param voter who voted
 * @param approve true for an approval (with a valid signature over the change), false for a
 *     rejection
 * @param at when the CAS recorded it
 * @param reason the rejection's stated reason, if any (free text, at most 1,000 characters)
 */
public record Ballot(Identity voter, boolean approve, Instant at, Optional<String> reason) {

  public Ballot {
    Objects.requireNonNull(voter, "voter");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }
}
