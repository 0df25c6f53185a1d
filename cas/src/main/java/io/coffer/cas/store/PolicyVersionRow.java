package io.coffer.cas.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a policy.
 *
 * @param name the policy's name
 * @param version its number, from 1
 * @param hash its policy hash
 * @param predecessor the hash it replaced; empty for version 1
 * @param activatedAt when it became current
 * @param proposal the proposal that activated it; empty for version 1
 * @param ledgerIndex the ledger entry of its creation or activation
 * @param body the barrier's ciphertext of the policy's YAML, for {@code RowId("policy_versions",
 *     name, version)}
 */
public record PolicyVersionRow(
    String name,
    int version,
    String hash,
    Optional<String> predecessor,
    Instant activatedAt,
    Optional<String> proposal,
    long ledgerIndex,
    byte[] body) {

  public PolicyVersionRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(activatedAt, "activatedAt");
    Objects.requireNonNull(proposal, "proposal");
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
