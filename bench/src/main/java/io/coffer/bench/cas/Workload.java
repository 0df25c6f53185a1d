package io.coffer.bench.cas;

import java.security.GeneralSecurityException;

/** The operations of a mix, one per client, over the policies the workload seeded. */
interface Workload {

  /** The operation client number {@code client} repeats, with a new HTTPS client of its own. */
  ClientOperation operation(int client) throws GeneralSecurityException;
}
