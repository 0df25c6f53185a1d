package io.coffer.bench.cas;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.service.SelfDescription;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the run's CAS answers and the keys it proved: clients pin the TLS key the CAS showed in its
 * first handshake, and checkpoints are verified with the ledger key it described.
 *
 * <p>Not protected against: a CAS other than the harness's own at that address. There is no
 * attestation check; the harness made the CAS itself, on loopback.
 */
final class CasEndpoint {

  private final URI url;
  private final byte[] tlsSpki;
  private final CheckpointVerifier checkpoints;

  private CasEndpoint(URI url, byte[] tlsSpki, CheckpointVerifier checkpoints) {
    this.url = url;
    this.tlsSpki = tlsSpki.clone();
    this.checkpoints = checkpoints;
  }

  /** Asks the CAS at {@code url} to describe itself, and keeps its TLS key and ledger key. */
  static CasEndpoint describe(URI url)
      throws GeneralSecurityException, CasClientException, NoteException {
    Objects.requireNonNull(url, "url");
    SelfDescription self = CasClient.unpinned(url).describe();
    CheckpointVerifier verifier =
        CheckpointVerifier.forLog(
            FreshCas.NAME, NoteVerifier.parse(self.ledgerVerifierKey()), List.of());
    return new CasEndpoint(url, self.tlsPublicKey(), verifier);
  }

  /** A new HTTPS client (its own connections) authenticating as {@code identity}. */
  CasClient client(ClientIdentity identity) throws GeneralSecurityException {
    return CasClient.pinned(url, tlsSpki, Optional.of(identity));
  }

  /** A new HTTPS client (its own connections) without a client certificate, as a workload. */
  CasClient anonymous() throws GeneralSecurityException {
    return CasClient.pinned(url, tlsSpki, Optional.empty());
  }

  /** The ledger's size, from a checkpoint fetched with {@code client} and verified. */
  long ledgerSize(CasClient client) throws CasClientException, CheckpointException {
    return checkpoints.verify(client.checkpoint()).checkpoint().size();
  }
}
