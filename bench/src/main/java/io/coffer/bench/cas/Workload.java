package io.coffer.bench.cas;

import java.security.GeneralSecurityException;
import java.util.Optional;

/** The operations of a mix, one per client, over the policies the workload seeded. */
interface Workload {

  /** The operation client number {@code client} repeats, with a new HTTPS client of its own. */
  ClientOperation operation(int client) throws GeneralSecurityException;

  /**
   * Why the run failed although it ran to its end, after it: for a mix where any failed operation
   * (warm-up included) means the figures are not those of the operation meant. Empty by default:
   * the report's error tally says enough.
   */
  default Optional<String> failure() {
    return Optional.empty();
  }
}
