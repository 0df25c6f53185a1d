package io.coffer.cas.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A vote on a proposal.
 *
 * @param proposalId the proposal
 * @param voter the voter's identity string
 * @param approve approval or rejection
 * @param at when recorded
 * @param approval the approval's JSON ({@code coffer policy sign}); empty for a rejection
 * @param reason a rejection's reason
 * @param ledgerIndex the ledger entry that recorded the vote
 */
public record BallotRow(
    String proposalId,
    String voter,
    boolean approve,
    Instant at,
    Optional<byte[]> approval,
    Optional<String> reason,
    long ledgerIndex) {

  public BallotRow {
    Objects.requireNonNull(proposalId, "proposalId");
    Objects.requireNonNull(voter, "voter");
    Objects.requireNonNull(at, "at");
    approval = approval.map(byte[]::clone);
    Objects.requireNonNull(reason, "reason");
  }

  @Override
  public Optional<byte[]> approval() {
    return approval.map(byte[]::clone);
  }
}
