package io.coffer.cas.store;

import io.coffer.cas.service.ProposalState;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A proposal.
 *
 * @param id its identifier
 * @param name the policy
 * @param hash the proposed version's hash
 * @param predecessor the hash of the version it would replace
 * @param proposer the proposer's identity string
 * @param createdAt when proposed
 * @param expiresAt when it stops being able to activate
 * @param state its state
 * @param closedAt when it left {@code OPEN}
 * @param body the barrier's ciphertext of the proposed YAML, for {@code RowId("proposals", id, 1)}
 */
public record ProposalRow(
    String id,
    String name,
    String hash,
    String predecessor,
    String proposer,
    Instant createdAt,
    Instant expiresAt,
    ProposalState state,
    Optional<Instant> closedAt,
    byte[] body) {

  public ProposalRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(closedAt, "closedAt");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
