package io.coffer.bench.cas;

import io.coffer.attestation.AttestationException;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import io.coffer.ledger.note.NoteException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;

/**
 * The run's CAS ({@link CasNode}) in the harness's own JVM: it shares the JVM, its heap and the
 * machine's cores with the clients, so its CPU cannot be told apart from theirs.
 */
final class InProcessCas implements LoopbackCas {

  private final TempDirectory dir;
  private final Optional<FreshPostgres> postgres;
  private final CasNode node;
  private final CasEndpoint endpoint;

  private InProcessCas(
      TempDirectory dir, Optional<FreshPostgres> postgres, CasNode node, CasEndpoint endpoint) {
    this.dir = dir;
    this.postgres = postgres;
    this.node = node;
    this.endpoint = endpoint;
  }

  /** Makes and starts a CAS on {@code store}, verifying {@code evidence} for attestations. */
  static InProcessCas start(StoreKind store, EvidenceKind evidence) throws Exception {
    TempDirectory dir = new TempDirectory("cas-load");
    Optional<FreshPostgres> postgres = Optional.empty();
    CasNode node = null;
    try {
      if (store == StoreKind.POSTGRES) {
        postgres = Optional.of(FreshPostgres.start());
      }
      node =
          FreshCas.start(
              dir.path(),
              store,
              postgres.map(FreshPostgres::jdbcUrl),
              postgres.map(FreshPostgres::properties).orElseGet(Properties::new),
              evidence);
      return new InProcessCas(dir, postgres, node, CasEndpoint.describe(node.url()));
    } catch (CasStartException
        | CasClientException
        | NoteException
        | AttestationException
        | GeneralSecurityException
        | IOException
        | SQLException
        | RuntimeException e) {
      closeAll(node, postgres, dir, e);
      throw e;
    }
  }

  @Override
  public CasEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public Path platformKey() {
    return FreshCas.platformKey(dir.path());
  }

  @Override
  public Optional<ProcessHandle> process() {
    return Optional.empty();
  }

  @Override
  public void close() throws IOException {
    closeAll(node, postgres, dir, null);
  }

  private static void closeAll(
      CasNode node, Optional<FreshPostgres> postgres, TempDirectory dir, Exception failure)
      throws IOException {
    try {
      if (node != null) {
        node.close();
      }
      if (postgres.isPresent()) {
        postgres.get().close();
      }
    } catch (IOException | RuntimeException e) {
      if (failure == null) {
        throw e;
      }
      failure.addSuppressed(e);
    } finally {
      dir.close();
    }
  }
}
