package io.coffer.cas.witness;

import io.coffer.ledger.note.CosignatureSigner;
import io.coffer.ledger.note.CosignatureVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.witness.Witness;
import io.coffer.ledger.witness.WitnessStoreException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running witness: the composition root of {@code coffer witness serve}. Wires the data directory
 * (key file and {@value #STATE_FILE}), the configured logs and the HTTP server.
 *
 * <p>Logs are configured by their C2SP verifier keys; a log's origin is its key's name, as
 * tlog-checkpoint recommends ("the key name SHOULD be the origin"). Several keys with one name are
 * all trusted for that origin.
 */
public final class WitnessNode implements AutoCloseable {

  /** The SQLite database that holds the latest cosigned checkpoint of each log. */
  public static final String STATE_FILE = "witness-state.db";

  private final SqliteWitnessStateStore state;
  private final WitnessServer server;
  private final CosignatureVerifier key;

  private WitnessNode(
      SqliteWitnessStateStore state, WitnessServer server, CosignatureVerifier key) {
    this.state = state;
    this.server = server;
    this.key = key;
  }

  /**
   * Starts a witness with its state and key in {@code dataDir} (created if missing).
   *
   * @param name the key name for a new witness key (see {@link WitnessKeyFile})
   * @param logVkeys the verifier keys of the logs to witness; at least one
   * @throws WitnessSetupException naming what cannot be set up
   */
  public static WitnessNode start(
      Path dataDir,
      Optional<String> name,
      List<String> logVkeys,
      InetSocketAddress listen,
      Optional<TlsIdentity> tls,
      Clock clock)
      throws WitnessSetupException {
    Map<String, List<NoteVerifier>> logs = logs(logVkeys);
    CosignatureSigner signer;
    try {
      Files.createDirectories(dataDir);
      signer = WitnessKeyFile.loadOrCreate(dataDir, name, new SecureRandom(), clock);
    } catch (java.io.IOException e) {
      throw new WitnessSetupException(dataDir + ": cannot create the data directory", e);
    } catch (WitnessKeyException e) {
      throw new WitnessSetupException(dataDir + ": " + e.getMessage(), e);
    }
    SqliteWitnessStateStore state;
    try {
      state = SqliteWitnessStateStore.open(dataDir.resolve(STATE_FILE));
    } catch (WitnessStoreException e) {
      throw new WitnessSetupException(dataDir + ": " + e.getMessage(), e);
    }
    try {
      Witness witness = new Witness(logs, state, List.of(signer));
      WitnessServer server = WitnessServer.start(witness, listen, tls);
      return new WitnessNode(state, server, signer.verifier());
    } catch (RuntimeException e) {
      try {
        state.close();
      } catch (WitnessStoreException closing) {
        e.addSuppressed(closing);
      }
      throw new WitnessSetupException("cannot serve on " + listen + ": " + e.getMessage(), e);
    }
  }

  /** Groups the verifier keys by origin (their key name). */
  static Map<String, List<NoteVerifier>> logs(List<String> logVkeys) throws WitnessSetupException {
    if (logVkeys.isEmpty()) {
      throw new WitnessSetupException("configure at least one log by its verifier key", null);
    }
    Map<String, List<NoteVerifier>> logs = new LinkedHashMap<>();
    for (String vkey : logVkeys) {
      try {
        NoteVerifier verifier = NoteVerifier.parse(vkey);
        logs.computeIfAbsent(verifier.keyName(), k -> new ArrayList<>()).add(verifier);
      } catch (NoteException e) {
        throw new WitnessSetupException("log key " + vkey + ": " + e.getMessage(), e);
      }
    }
    return logs;
  }

  /** The witness's cosignature verifier key, which logs and auditors configure. */
  public CosignatureVerifier verifierKey() {
    return key;
  }

  /** The URL clients submit to. */
  public URI url() {
    return server.url();
  }

  /** Stops serving and closes the state. */
  @Override
  public void close() throws WitnessStoreException {
    server.close();
    state.close();
  }
}
