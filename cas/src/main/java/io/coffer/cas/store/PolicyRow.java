package io.coffer.cas.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A policy: its name bound to its creator.
 *
 * @param name the policy's name
 * @param creator the creator's identity string
 * @param createdAt when it was created
 * @param currentVersion the number of its current version
 * @param currentHash the hash of its current version
 */
public record PolicyRow(
    String name, String creator, Instant createdAt, int currentVersion, String currentHash) {

  public PolicyRow {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(creator, "creator");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(currentHash, "currentHash");
  }
}
