package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.server.StoreKind;
import io.coffer.ledger.checkpoint.CheckpointException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * A real CAS listening on 127.0.0.1 at a free port, made fresh for one run ({@link FreshCas}): in
 * the harness's JVM ({@link InProcessCas}) or in a child JVM ({@link ChildProcessCas}). The
 * workloads do not care which. Closing it stops the CAS, the database server, and deletes every
 * file of the run.
 */
interface LoopbackCas extends AutoCloseable {

  /**
   * Makes and starts a CAS on {@code store}, where {@code mode} says, verifying {@code evidence}
   * for attestations; {@code accp} installs Amazon Corretto Crypto Provider first in a child JVM
   * (this JVM's providers are its caller's choice).
   */
  static LoopbackCas start(StoreKind store, ServerMode mode, boolean accp, EvidenceKind evidence)
      throws Exception {
    return switch (mode) {
      case IN_PROCESS -> InProcessCas.start(store, evidence);
      case PROCESS -> ChildProcessCas.start(store, accp, evidence);
    };
  }

  /**
   * The key file of the CAS's simulated platform, which it trusts for simulated evidence: the
   * attest mix's workloads sign their evidence with it.
   */
  Path platformKey();

  /** Where the CAS answers, and the keys it proved. */
  CasEndpoint endpoint();

  /** The CAS's own process when it runs in one; empty when it shares the harness's JVM. */
  Optional<ProcessHandle> process();

  /** A new HTTPS client (its own connections) authenticating as {@code identity}. */
  default CasClient client(ClientIdentity identity) throws GeneralSecurityException {
    return endpoint().client(identity);
  }

  /** The ledger's size, from a checkpoint fetched with {@code client} and verified. */
  default long ledgerSize(CasClient client) throws CasClientException, CheckpointException {
    return endpoint().ledgerSize(client);
  }

  /**
   * Stops the CAS and its database server, and deletes the run's files.
   *
   * @throws IOException if they could not all be stopped or deleted, or if the CAS had stopped by
   *     itself during the run
   */
  @Override
  void close() throws IOException;
}
