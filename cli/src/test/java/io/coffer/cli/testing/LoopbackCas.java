package io.coffer.cli.testing;

import io.coffer.attestation.Evidence;
import io.coffer.attestation.simulation.Measurement;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.governance.GovernedPolicies;
import io.coffer.cas.http.CasRoutes;
import io.coffer.cas.http.CasServer;
import io.coffer.cas.http.ServerMetrics;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.identity.SelfAttestation;
import io.coffer.cas.identity.SimulatedTee;
import io.coffer.cas.identity.TeeMode;
import io.coffer.cas.ledger.LedgerReads;
import io.coffer.cas.seal.DataKey;
import io.coffer.cas.service.CasControl;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.cas.store.MemoryCasStore;
import io.coffer.ledger.log.TreeHeadSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A real CAS on loopback, assembled from the {@code cas} module's parts: governance over a memory
 * store behind a data key's barrier, the ledger, self-attestation by the simulator (whose platform
 * key is the Coffer home's {@code simulation/platform.pem}, as {@code coffer attest collect --tee
 * simulation} makes it), and HTTPS with the CAS's own TLS key.
 */
public final class LoopbackCas implements AutoCloseable {

  /** The instant evidence is dated and verified at. */
  public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  /** The clock fixed at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** The log origin, and the ledger key's name. */
  public static final String ORIGIN = "cas.test/log";

  /** The TLS and ledger keys this CAS attests. */
  public final CasKeys keys;

  /** The store, to look at from tests. */
  public final MemoryCasStore store;

  private final Control control;
  private final CasServer server;

  private LoopbackCas(
      CasKeys keys,
      MemoryCasStore store,
      Control control,
      TreeHeadSigner signer,
      CasKeys tls,
      Path platformKey)
      throws Exception {
    this.keys = keys;
    this.store = store;
    this.control = control;
    io.coffer.cas.seal.Barrier barrier = DataKey.generate().barrier();
    GovernedPolicies policies =
        new GovernedPolicies(store, barrier, InstantSource.system(), new SecureRandom());
    // Workloads attest with evidence of now, whatever the fixed clock of the CAS's own evidence.
    io.coffer.cas.attest.Workloads workloads =
        io.coffer.cas.server.WorkloadWiring.wire(
            store,
            barrier,
            policies,
            keys,
            ORIGIN,
            new io.coffer.cas.attest.Attestations.Settings(
                "cas.test", java.time.Duration.ofHours(24)),
            io.coffer.attestation.TrustAnchors.defaults()
                .withSimulationKey(SimulatedPlatform.loadOrCreate(platformKey).publicKey()),
            io.coffer.attestation.Collateral.empty(),
            InstantSource.system(),
            new SecureRandom());
    server =
        CasServer.start(
            new CasServer.Config(
                "127.0.0.1", 0, tls.tlsPrivateKey(), tls.tlsCertificate(), InstantSource.system()),
            CasRoutes.routing(
                policies,
                control,
                new LedgerReads(store.ledger(), signer),
                workloads,
                ServerMetrics.create()));
  }

  /** New keys for a CAS. */
  public static CasKeys newKeys() {
    return CasKeys.generate(ORIGIN, List.of(), InstantSource.fixed(NOW), new SecureRandom());
  }

  /**
   * A serving CAS with {@code keys}, its code measured as {@code code}, simulated with the platform
   * key of the Coffer home {@code home}.
   */
  public static LoopbackCas serving(Path home, Path code, CasKeys keys) throws Exception {
    return serving(home, code, keys, keys.checkpointSigner());
  }

  /** The same, signing its checkpoints with {@code signer} (another key than it attests). */
  public static LoopbackCas serving(Path home, Path code, CasKeys keys, TreeHeadSigner signer)
      throws Exception {
    SelfAttestation attestation =
        SelfAttestation.collect(
            TeeMode.SIMULATION,
            List.of(),
            new SimulatedTee(platformKey(home), List.of(measured(code)), CLOCK),
            keys);
    Control control =
        new Control(
            CasState.SERVING,
            attestation.describe(CasState.SERVING, Optional.empty(), Optional.empty(), List.of()),
            0);
    return new LoopbackCas(keys, new MemoryCasStore(), control, signer, keys, platformKey(home));
  }

  /**
   * A sealed CAS: it serves with a fresh TLS key, and its evidence binds that key and the ledger
   * key of {@code keys}; {@code threshold} distinct shares ({@code share-...}) unseal it.
   */
  public static LoopbackCas sealed(Path home, Path code, CasKeys keys, int threshold)
      throws Exception {
    CasKeys temporary = newKeys();
    byte[] reportData =
        SelfAttestation.reportData(temporary.tlsPublicKey(), keys.ledgerPublicKey());
    Evidence evidence =
        SimulatedPlatform.loadOrCreate(platformKey(home))
            .attest(Measurement.of(List.of(measured(code))), reportData, NOW);
    SelfDescription described =
        new SelfDescription(
            CasState.SEALED,
            "simulation",
            true,
            List.of(SelfAttestation.SIMULATION_WARNING),
            evidence.type().cliName(),
            evidence.bytes(),
            temporary.tlsPublicKey(),
            keys.ledgerPublicKey(),
            keys.ledgerVerifierKey(),
            Optional.empty(),
            Optional.of(new UnsealProgress(0, threshold, true)));
    Control control = new Control(CasState.SEALED, described, threshold);
    return new LoopbackCas(
        keys, new MemoryCasStore(), control, keys.checkpointSigner(), temporary, platformKey(home));
  }

  private static Path platformKey(Path home) {
    return home.resolve("simulation").resolve("platform.pem");
  }

  private static Path measured(Path code) throws Exception {
    Files.createDirectories(code);
    Path jar = code.resolve("coffer-cas.jar");
    if (!Files.exists(jar)) {
      Files.writeString(jar, "code of " + code.getFileName(), StandardCharsets.UTF_8);
    }
    return code;
  }

  public URI uri() {
    return URI.create("https://127.0.0.1:" + server.port());
  }

  /** The shares accepted so far. */
  public int sharesReceived() {
    return control.received();
  }

  /** The lifecycle state. */
  public CasState state() {
    return control.state();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** The CAS's lifecycle: a fixed self-description and a share counter. */
  private static final class Control implements CasControl {

    private final SelfDescription described;
    private final int threshold;
    private final Set<String> shares = new HashSet<>();
    private CasState state;

    Control(CasState state, SelfDescription described, int threshold) {
      this.state = state;
      this.described = described;
      this.threshold = threshold;
    }

    @Override
    public synchronized CasState state() {
      return state;
    }

    synchronized int received() {
      return shares.size();
    }

    @Override
    public synchronized SelfDescription describe() {
      return described;
    }

    @Override
    public synchronized UnsealProgress unseal(byte[] share) throws CasException {
      if (state != CasState.SEALED) {
        throw new CasException(CasException.Type.BAD_REQUEST, "the CAS is not sealed");
      }
      String text = new String(share, StandardCharsets.UTF_8).strip();
      if (!text.startsWith("share-")) {
        throw new CasException(CasException.Type.INVALID_SHARE, "not a share of this CAS's seal");
      }
      shares.add(text);
      if (shares.size() >= threshold) {
        state = CasState.SERVING;
      }
      return new UnsealProgress(shares.size(), threshold, state == CasState.SEALED);
    }
  }
}
