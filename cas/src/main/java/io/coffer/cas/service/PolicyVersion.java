package io.coffer.cas.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a policy, as its history lists it.
 *
 * @param name the policy's name
 * @param version 1 for the version that created the policy, then 2, 3, ...
 * @param hash the policy hash (64 lower-case hex digits)
 * @param predecessor the hash of the version it replaced; empty for version 1
 * @param activatedAt when it became the current version
 * @param proposal the proposal that activated it; empty for version 1
 * @param ledgerIndex the index of the ledger entry that recorded its creation or activation
 */
public record PolicyVersion(
    String name,
    int version,
    String hash,
    Optional<String> predecessor,
    Instant activatedAt,
    Optional<String> proposal,
    long ledgerIndex) {

  public PolicyVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(predecessor, "predecessor");
    Objects.requireNonNull(activatedAt, "activatedAt");
    Objects.requireNonNull(proposal, "proposal");
    if (version < 1 || ledgerIndex < 0) {
      throw new IllegalArgumentException("version and ledger index out of range");
    }
  }
}
