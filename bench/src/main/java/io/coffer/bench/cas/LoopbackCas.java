package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.server.CasConfig;
import io.coffer.cas.server.CasNode;
import io.coffer.cas.server.CasStartException;
import io.coffer.cas.server.StoreKind;
import io.coffer.cas.service.SelfDescription;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * A real CAS ({@link CasNode}) listening on 127.0.0.1 at a free port, made fresh for one run: its
 * data directory in a temporary directory, its store SQLite there or a {@link FreshPostgres}, the
 * TEE simulated and the data key under the development key-file seal. Closing it stops the CAS, the
 * database server, and deletes every file.
 *
 * <p>Clients pin the TLS key the CAS proves in its first handshake (no attestation check: the
 * harness made the CAS itself).
 */
final class LoopbackCas implements AutoCloseable {

  /** The CAS's name: its log's origin. */
  static final String NAME = "cas.bench";

  private final TempDirectory dir;
  private final Optional<FreshPostgres> postgres;
  private final CasNode node;
  private final byte[] tlsSpki;
  private final CheckpointVerifier checkpoints;

  private LoopbackCas(
      TempDirectory dir,
      Optional<FreshPostgres> postgres,
      CasNode node,
      byte[] tlsSpki,
      CheckpointVerifier checkpoints) {
    this.dir = dir;
    this.postgres = postgres;
    this.node = node;
    this.tlsSpki = tlsSpki;
    this.checkpoints = checkpoints;
  }

  /** Makes and starts a CAS on {@code store}. */
  static LoopbackCas start(StoreKind store) throws Exception {
    TempDirectory dir = new TempDirectory("cas-load");
    Optional<FreshPostgres> postgres = Optional.empty();
    CasNode node = null;
    try {
      if (store == StoreKind.POSTGRES) {
        postgres = Optional.of(FreshPostgres.start());
      }
      node = CasNode.start(config(dir, store, postgres), Clock.systemUTC(), new SecureRandom());
      SelfDescription self = CasClient.unpinned(node.url()).describe();
      CheckpointVerifier verifier =
          CheckpointVerifier.forLog(NAME, NoteVerifier.parse(self.ledgerVerifierKey()), List.of());
      return new LoopbackCas(dir, postgres, node, self.tlsPublicKey(), verifier);
    } catch (CasStartException
        | CasClientException
        | NoteException
        | GeneralSecurityException
        | IOException
        | SQLException
        | RuntimeException e) {
      closeAll(node, postgres, dir, e);
      throw e;
    }
  }

  /**
   * The configuration. The simulated evidence measures one small file rather than the directory of
   * the CAS's code (the default), which for the benchmark jar is the whole build directory.
   */
  private static CasConfig config(
      TempDirectory dir, StoreKind store, Optional<FreshPostgres> postgres) throws IOException {
    Path measured =
        Files.writeString(dir.path().resolve("measured.txt"), "coffer CAS load harness\n");
    return new CasConfig(
        dir.path().resolve("data"),
        "127.0.0.1",
        0,
        store,
        postgres.map(FreshPostgres::jdbcUrl),
        postgres.map(FreshPostgres::properties).orElseGet(Properties::new),
        TeeMode.SIMULATION,
        new CasConfig.Simulation(dir.path().resolve("platform.pem"), List.of(measured)),
        SealType.KEY_FILE,
        1,
        1,
        Optional.empty(),
        NAME,
        List.of(),
        List.of(),
        Duration.ofMinutes(1),
        Optional.empty());
  }

  /** A new HTTPS client (its own connections) authenticating as {@code identity}. */
  CasClient client(ClientIdentity identity) throws GeneralSecurityException {
    return CasClient.pinned(node.url(), tlsSpki, Optional.of(identity));
  }

  /** The ledger's size, from a checkpoint fetched with {@code client} and verified. */
  long ledgerSize(CasClient client) throws CasClientException, CheckpointException {
    return checkpoints.verify(client.checkpoint()).checkpoint().size();
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
