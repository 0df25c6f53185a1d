package io.coffer.cas.server;

import io.coffer.attestation.collect.EvidenceSources;
import io.coffer.cas.attest.EvidenceCheck;
import io.coffer.cas.attest.Workloads;
import io.coffer.cas.events.CasStarted;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.governance.GovernedPolicies;
import io.coffer.cas.http.CasRoutes;
import io.coffer.cas.http.CasServer;
import io.coffer.cas.http.ServerMetrics;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.identity.IdentityException;
import io.coffer.cas.identity.SelfAttestation;
import io.coffer.cas.identity.SelfAttestation.BoundKeys;
import io.coffer.cas.identity.SimulatedTee;
import io.coffer.cas.ledger.LedgerReads;
import io.coffer.cas.rollback.CheckpointFile;
import io.coffer.cas.rollback.CheckpointSealer;
import io.coffer.cas.rollback.RollbackException;
import io.coffer.cas.rollback.StartupCheck;
import io.coffer.cas.rollback.StartupReport;
import io.coffer.cas.rollback.WitnessSubmitter;
import io.coffer.cas.seal.DataKey;
import io.coffer.cas.seal.SealException;
import io.coffer.cas.seal.SealType;
import io.coffer.cas.seal.Unsealer;
import io.coffer.cas.server.CasStartException.Reason;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.LedgerService;
import io.coffer.cas.service.PolicyService;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.witness.WitnessClient;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CAS process: opens (or makes) the CAS in its store, and serves it over HTTPS.
 *
 * <p>Lifecycle: a CAS with a key-file seal, or one just made, starts {@link CasState#SERVING}. A
 * CAS with a Shamir seal starts {@link CasState#SEALED}: it listens with a fresh TLS key bound into
 * fresh evidence together with its stored ledger key, answers only its description, health and
 * shares, and once enough shares arrive it opens its keys, runs the rollback check and serves on
 * the same address with its own TLS key. A failure after unsealing (a rolled-back store) stops the
 * CAS: {@link #stopped()} completes exceptionally.
 */
public final class CasNode implements CasControl, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(CasNode.class);
  private static final Duration WITNESS_TIMEOUT = Duration.ofSeconds(10);
  private static final String KEY_FILE_WARNING =
      "DEVELOPMENT SEAL: the data key is wrapped by a key file in the data directory; whoever can"
          + " read that directory can read every policy and secret";

  private final CasConfig config;
  private final InstantSource clock;
  private final SecureRandom random;
  private final UnaryOperator<EvidenceCheck> evidence;
  private final CasStore store;
  private final StoreMeta meta;
  private final ServerMetrics metrics = ServerMetrics.create();
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private final List<Path> shareFiles;
  private final Object lifecycle = new Object();

  private volatile CasState state;
  private volatile SelfAttestation attestation;
  private volatile CasServer server;
  private volatile String fingerprint;
  private volatile Unsealer unsealer;
  private WitnessSubmitter submitter;
  private Thread opening;
  private Path sealedDir;
  private boolean closed;

  private CasNode(
      CasConfig config,
      InstantSource clock,
      SecureRandom random,
      UnaryOperator<EvidenceCheck> evidence,
      CasStore store,
      StoreMeta meta,
      List<Path> shareFiles) {
    this.config = config;
    this.clock = clock;
    this.random = random;
    this.evidence = evidence;
    this.store = store;
    this.meta = meta;
    this.shareFiles = List.copyOf(shareFiles);
  }

  /**
   * Starts a CAS as {@code config} says: makes it if its store holds none, then serves it (or
   * waits, sealed, for shares).
   */
  public static CasNode start(CasConfig config, InstantSource clock, SecureRandom random)
      throws CasStartException {
    return start(config, clock, random, UnaryOperator.identity());
  }

  /**
   * Starts a CAS as {@link #start(CasConfig, InstantSource, SecureRandom)} does, with {@code
   * evidence} applied to its evidence verifier: what it returns verifies every workload's evidence.
   * For harnesses that measure the CAS with extra verification work around its own verifier (the
   * load benchmark verifies a real quote along with each simulated one); a CAS that serves uses its
   * verifier as it is.
   */
  public static CasNode start(
      CasConfig config,
      InstantSource clock,
      SecureRandom random,
      UnaryOperator<EvidenceCheck> evidence)
      throws CasStartException {
    Objects.requireNonNull(evidence, "evidence");
    Path dir = DataDirectory.prepare(config.dataDir());
    CasStore store = StoreOpener.open(config, dir);
    try {
      Optional<StoreMeta> existing = read(store);
      if (existing.isEmpty()) {
        return create(config, clock, random, evidence, store, dir);
      }
      return open(config, clock, random, evidence, store, existing.get(), dir);
    } catch (CasStartException | RuntimeException e) {
      closeQuietly(store, e);
      throw e;
    }
  }

  private static Optional<StoreMeta> read(CasStore store) throws CasStartException {
    try {
      return StoreMeta.read(store);
    } catch (CasException e) {
      throw new CasStartException(
          e.type() == Type.INTERNAL ? Reason.CORRUPT : Reason.STORE,
          "cannot read the CAS's metadata from its store: " + e.getMessage(),
          e);
    }
  }

  private static CasNode create(
      CasConfig config,
      InstantSource clock,
      SecureRandom random,
      UnaryOperator<EvidenceCheck> evidence,
      CasStore store,
      Path dir)
      throws CasStartException {
    String casId = HexFormat.of().formatHex(id(random));
    DataKey dataKey = DataKey.generate();
    CasKeys keys;
    try {
      keys = CasKeys.generate(config.name(), config.hostNames(), clock, random);
    } catch (IllegalArgumentException e) {
      throw new CasStartException(Reason.CONFIGURATION, e.getMessage(), e);
    }
    List<Path> shareFiles = new ArrayList<>();
    io.coffer.cas.seal.SealedDataKey sealed;
    try {
      if (config.seal() == SealType.SHAMIR) {
        Path out =
            config
                .sharesOut()
                .orElseThrow(() ->
                    new CasStartException(
                        Reason.CONFIGURATION,
                        "a new CAS with --seal shamir needs --shares-out DIR for its share files",
                        null));
        io.coffer.cas.seal.ShamirSeal seal =
            io.coffer.cas.seal.ShamirSeal.generate(
                casId, config.shamirShares(), config.shamirThreshold(), random);
        sealed = seal.seal(dataKey);
        shareFiles.addAll(seal.writeShares(DataDirectory.prepare(out)));
        seal.destroy();
      } else {
        sealed = io.coffer.cas.seal.InsecureKeyFileSeal.create(dir, casId, random).seal(dataKey);
      }
    } catch (SealException e) {
      throw new CasStartException(Reason.SEAL, "cannot make the seal: " + e.getMessage(), e);
    }
    StoreMeta meta;
    try {
      meta = StoreMeta.create(store, casId, sealed, keys, dataKey.barrier());
    } catch (CasException e) {
      throw new CasStartException(
          Reason.STORE,
          e.type() == Type.ALREADY_EXISTS
              ? "another CAS process made this CAS at the same time; start this one again"
              : "cannot record the new CAS in its store: " + e.getMessage(),
          e);
    }
    LOG.atInfo()
        .addKeyValue("casId", casId)
        .addKeyValue("seal", config.seal().cliName())
        .addKeyValue("fingerprint", keys.fingerprint())
        .log("made a new CAS");
    CasNode node = new CasNode(config, clock, random, evidence, store, meta, shareFiles);
    node.serve(keys, dataKey, dir);
    return node;
  }

  private static byte[] id(SecureRandom random) {
    byte[] id = new byte[16];
    random.nextBytes(id);
    return id;
  }

  private static CasNode open(
      CasConfig config,
      InstantSource clock,
      SecureRandom random,
      UnaryOperator<EvidenceCheck> evidence,
      CasStore store,
      StoreMeta meta,
      Path dir)
      throws CasStartException {
    CasNode node = new CasNode(config, clock, random, evidence, store, meta, List.of());
    switch (meta.sealed().type()) {
      case KEY_FILE -> {
        DataKey dataKey;
        try {
          dataKey = io.coffer.cas.seal.InsecureKeyFileSeal.load(dir).open(meta.sealed());
        } catch (SealException e) {
          throw new CasStartException(
              Reason.SEAL, "the key-file seal does not open: " + e.getMessage(), e);
        }
        node.serve(node.openKeys(dataKey), dataKey, dir);
      }
      case SHAMIR -> node.listenSealed(dir);
    }
    return node;
  }

  private CasKeys openKeys(DataKey dataKey) throws CasStartException {
    try {
      return meta.openKeys(dataKey.barrier());
    } catch (CasException e) {
      throw new CasStartException(Reason.CORRUPT, e.getMessage(), e);
    }
  }

  /** Sealed: a fresh TLS key, evidence binding it with the stored ledger key, shares only. */
  private void listenSealed(Path dir) throws CasStartException {
    try {
      unsealer = Unsealer.of(meta.sealed());
    } catch (SealException e) {
      throw new CasStartException(Reason.SEAL, e.getMessage(), e);
    }
    CasKeys ephemeral = CasKeys.generate(config.name(), config.hostNames(), clock, random);
    BoundKeys bound =
        new BoundKeys(ephemeral.tlsPublicKey(), meta.ledgerPublicKey(), meta.ledgerVerifierKey());
    attestation = collect(bound, ephemeral.fingerprint());
    state = CasState.SEALED;
    SealedServices sealed = new SealedServices();
    listen(ephemeral, sealed, sealed, sealed, config.port());
    fingerprint = ephemeral.fingerprint();
    this.sealedDir = dir;
    LOG.atWarn()
        .addKeyValue("url", url())
        .addKeyValue("threshold", unsealer.progress().threshold())
        .log("the CAS is sealed: it waits for coffer cas unseal from the share holders");
  }

  /** Opens the CAS with its data key: rollback check, services, listener, {@code cas.started}. */
  private void serve(CasKeys keys, DataKey dataKey, Path dir) throws CasStartException {
    CheckpointVerifier verifier;
    try {
      verifier =
          CheckpointVerifier.forLog(
              keys.origin(), NoteVerifier.parse(keys.ledgerVerifierKey()), List.of());
    } catch (NoteException e) {
      throw new CasStartException(Reason.CORRUPT, "the CAS's ledger key: " + e.getMessage(), e);
    }
    CheckpointFile file = new CheckpointFile(dir, dataKey.barrier(), meta.casId(), verifier);
    List<WitnessClient> witnesses = new ArrayList<>();
    for (WitnessConfig w : config.witnesses()) {
      witnesses.add(WitnessClient.create(w.url(), w.verifier(), WITNESS_TIMEOUT, null));
    }
    StartupReport report;
    try {
      report =
          StartupCheck.failClosed(store.ledger(), file, keys.checkpointSigner(), witnesses).run();
    } catch (RollbackException e) {
      throw new CasStartException(
          Reason.ROLLBACK, "the CAS refuses to serve this store: " + e.getMessage(), e);
    }
    store.onCommit(new CheckpointSealer(store.ledger(), keys.checkpointSigner(), file));
    SelfAttestation self = collect(BoundKeys.of(keys), keys.fingerprint());
    GovernedPolicies policies = new GovernedPolicies(store, dataKey.barrier(), clock, random);
    Workloads workloads =
        WorkloadWiring.wire(
            config, store, dataKey.barrier(), policies, keys, metrics, evidence, clock, random);
    LedgerReads reads = new LedgerReads(store.ledger(), keys.checkpointSigner());
    metrics.gauge("coffer.ledger.size", "entries in the audit ledger", reads::size);
    try {
      store.write(tx ->
          tx.appendEvent(
              EventCodec.encode(
                  new CasStarted(
                      clock.instant(),
                      self.tee(),
                      self.simulated(),
                      sha256(keys.tlsPublicKey()),
                      sha256(keys.ledgerPublicKey())))));
    } catch (CasException e) {
      throw new CasStartException(
          Reason.STORE, "cannot record cas.started in the ledger: " + e.getMessage(), e);
    }
    synchronized (lifecycle) {
      attestation = self;
      unsealer = null;
      int port = server == null ? config.port() : server.port();
      if (server != null) {
        server.stop();
      }
      listen(keys, policies, reads, workloads, port);
      fingerprint = keys.fingerprint();
      state = CasState.SERVING;
      submitter = new WitnessSubmitter(store.ledger(), witnesses, clock);
      submitter.recordStartup(report);
      if (!witnesses.isEmpty()) {
        submitter.start(config.witnessInterval());
      }
    }
    LOG.atInfo()
        .addKeyValue("url", url())
        .addKeyValue("fingerprint", fingerprint)
        .addKeyValue("tee", self.tee())
        .addKeyValue("ledgerSize", store.ledger().size())
        .log("the CAS is serving");
  }

  private void listen(
      CasKeys keys, PolicyService policies, LedgerService ledger, Workloads workloads, int port)
      throws CasStartException {
    try {
      server =
          CasServer.start(
              new CasServer.Config(
                  config.host(), port, keys.tlsPrivateKey(), keys.tlsCertificate(), clock),
              CasRoutes.routing(policies, this, ledger, workloads, metrics));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CasStartException(
          Reason.LISTENER,
          "cannot listen on " + config.host() + ":" + port + ": " + e.getMessage(),
          e);
    }
  }

  private SelfAttestation collect(BoundKeys keys, String name) throws CasStartException {
    List<Path> measured =
        config.simulation().measured().isEmpty()
            ? List.of(SimulatedTee.installation())
            : config.simulation().measured();
    SimulatedTee simulation =
        new SimulatedTee(config.simulation().platformKey(), measured, Clock.systemUTC());
    try {
      return SelfAttestation.collect(
          config.tee(), EvidenceSources.hardware(), simulation, keys, name);
    } catch (IdentityException e) {
      throw new CasStartException(Reason.ATTESTATION, e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** The URL clients reach this CAS at. */
  public URI url() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("https://" + host + ":" + server.port() + "/");
  }

  /** The SHA-256 of the TLS key the CAS listens with (a fresh one while sealed). */
  public String fingerprint() {
    return fingerprint;
  }

  /** The share files a new Shamir-sealed CAS wrote; empty otherwise. */
  public List<Path> shareFiles() {
    return shareFiles;
  }

  /** Completes when the CAS stops: exceptionally when it had to (after unsealing). */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  @Override
  public CasState state() {
    return state;
  }

  @Override
  public SelfDescription describe() throws CasException {
    SelfAttestation self = attestation;
    Optional<String> checkpoint = Optional.empty();
    Optional<UnsealProgress> progress = Optional.empty();
    CasState now = state;
    if (now == CasState.SERVING) {
      checkpoint =
          store
              .ledger()
              .latestCheckpoint()
              .map(c -> new String(c.signedNote(), StandardCharsets.UTF_8));
    }
    Unsealer u = unsealer;
    if (u != null) {
      progress = Optional.of(u.progress());
    }
    List<String> warnings =
        meta.sealed().type() == SealType.KEY_FILE ? List.of(KEY_FILE_WARNING) : List.of();
    return self.describe(now, checkpoint, progress, warnings);
  }

  @Override
  public UnsealProgress unseal(byte[] share) throws CasException {
    Unsealer u = unsealer;
    if (u == null || state != CasState.SEALED) {
      throw new CasException(Type.BAD_REQUEST, "the CAS is not sealed");
    }
    UnsealProgress progress;
    try {
      progress = u.submit(share);
    } catch (SealException e) {
      throw new CasException(
          e.reason() == SealException.Reason.NOT_SEALED ? Type.BAD_REQUEST : Type.INVALID_SHARE,
          e.getMessage(),
          e);
    }
    Optional<DataKey> key = u.dataKey();
    if (key.isPresent()) {
      synchronized (lifecycle) {
        if (opening == null) {
          opening =
              Thread.ofVirtual().name("cas-unsealing").start(() -> openAfterUnseal(key.get()));
        }
      }
    }
    return progress;
  }

  /** Runs after the answer to the last share: the sealed listener stops once it has answered. */
  private void openAfterUnseal(DataKey dataKey) {
    try {
      serve(openKeys(dataKey), dataKey, sealedDir);
    } catch (CasStartException | RuntimeException e) {
      LOG.atError()
          .addKeyValue("reason", e instanceof CasStartException s ? s.reason() : "internal")
          .log("the CAS stops after unsealing: " + e.getMessage());
      close(e);
    }
  }

  /** Stops listening, stops the witness submissions, and closes the store. Idempotent. */
  @Override
  public void close() {
    close(null);
  }

  /** Closes, then completes {@link #stopped()}: exceptionally with {@code failure} if given. */
  private void close(Exception failure) {
    synchronized (lifecycle) {
      if (closed) {
        return;
      }
      closed = true;
      state = CasState.STOPPING;
      if (submitter != null) {
        submitter.close();
      }
      if (server != null) {
        server.stop();
      }
      closeQuietly(store, null);
    }
    if (failure == null) {
      stopped.complete(null);
    } else {
      stopped.completeExceptionally(failure);
    }
  }

  private static void closeQuietly(CasStore store, Exception failure) {
    try {
      store.close();
    } catch (CasException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        LOG.atWarn().log("closing the store failed: " + e.getMessage());
      }
    }
  }
}
