package io.coffer.cas.service;

import io.coffer.policy.governance.Identity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A proposed new version of a policy and its ballots.
 *
 * @param id the proposal's identifier (unguessable, URL-safe)
 * @param name the policy
 * @param hash the hash of the proposed version
 * @param predecessor the hash of the version it would replace (the current one when proposed)
 * @param proposer who proposed it
 * @param createdAt when
 * @param expiresAt after this instant it can no longer activate
 * @param state where it is
 * @param ballots the votes, in the order the CAS recorded them
 * @param explanation the update rule's evaluation against the approvals so far, for people
 */
public record Proposal(
    String id,
    String name,
    String hash,
    String predecessor,
    Identity proposer,
    Instant createdAt,
    Instant expiresAt,
    ProposalState state,
    List<Ballot> ballots,
    String explanation) {

  public Proposal {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    ballots = List.copyOf(ballots);
    Objects.requireNonNull(explanation, "explanation");
  }
}
