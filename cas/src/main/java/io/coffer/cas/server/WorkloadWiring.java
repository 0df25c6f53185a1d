package io.coffer.cas.server;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.collateral.CollateralFiles;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.cas.attest.AttestationOutcomes;
import io.coffer.cas.attest.Attestations;
import io.coffer.cas.attest.EarTokens;
import io.coffer.cas.attest.EvidenceCheck;
import io.coffer.cas.attest.Instances;
import io.coffer.cas.attest.Nonces;
import io.coffer.cas.attest.VolumeUpdates;
import io.coffer.cas.attest.WorkloadApi;
import io.coffer.cas.attest.Workloads;
import io.coffer.cas.events.AttestationFailed;
import io.coffer.cas.http.ServerMetrics;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.seal.Barrier;
import io.coffer.cas.seal.BarrierException;
import io.coffer.cas.seal.RowId;
import io.coffer.cas.server.CasStartException.Reason;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.vault.Reveals;
import io.coffer.cas.vault.SecretVault;
import io.coffer.cas.vault.Sharing;
import io.coffer.cas.vault.VolumeTags;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Puts together what serves workloads: nonces, verifier and collateral, vault, tokens. */
public final class WorkloadWiring {

  /** Where the nonces' MAC key is kept, sealed by the barrier. */
  static final String NONCE_KEY = "attest_nonce_key";

  private static final RowId NONCE_KEY_ROW = new RowId("cas_meta", NONCE_KEY, 1);

  private WorkloadWiring() {}

  static Workloads wire(
      CasConfig config,
      CasStore store,
      Barrier barrier,
      PolicyDirectory policies,
      CasKeys keys,
      ServerMetrics metrics,
      UnaryOperator<EvidenceCheck> evidence,
      InstantSource clock,
      SecureRandom random)
      throws CasStartException {
    EvidenceCheck verifier = AttestationVerifier.create(anchors(config))::verify;
    return wire(
        store,
        barrier,
        policies,
        keys,
        config.name(),
        new Attestations.Settings(config.effectiveTrustDomain(), config.certificateValidity()),
        Objects.requireNonNull(evidence.apply(verifier), "evidence check"),
        collateral(config),
        counters(metrics),
        clock,
        random);
  }

  /**
   * Counters {@code coffer.attestations} (tag {@code outcome}: {@code admitted} with {@code
   * platform}, or {@code refused} with {@code reason}, one count per reason).
   */
  static AttestationOutcomes counters(ServerMetrics metrics) {
    var registry = metrics.registry();
    return new AttestationOutcomes() {
      @Override
      public void admitted(String evidenceType) {
        registry
            .counter("coffer.attestations", "outcome", "admitted", "platform", evidenceType)
            .increment();
      }

      @Override
      public void refused(List<AttestationFailed.Reason> reasons) {
        for (AttestationFailed.Reason r : reasons) {
          registry
              .counter("coffer.attestations", "outcome", "refused", "reason", r.code())
              .increment();
        }
      }
    };
  }

  /**
   * What serves workloads of the CAS named {@code name} over {@code store}, trusting {@code
   * anchors} for evidence.
   */
  public static Workloads wire(
      CasStore store,
      Barrier barrier,
      PolicyDirectory policies,
      CasKeys keys,
      String name,
      Attestations.Settings settings,
      TrustAnchors anchors,
      Collateral collateral,
      InstantSource clock,
      SecureRandom random)
      throws CasStartException {
    return wire(
        store,
        barrier,
        policies,
        keys,
        name,
        settings,
        AttestationVerifier.create(anchors)::verify,
        collateral,
        AttestationOutcomes.NONE,
        clock,
        random);
  }

  /**
   * What serves workloads, as {@link #wire(CasStore, Barrier, PolicyDirectory, CasKeys, String,
   * Attestations.Settings, TrustAnchors, Collateral, InstantSource, SecureRandom)} makes it, but
   * with {@code evidence} verifying every workload's evidence instead of a verifier over trust
   * anchors. For harnesses that measure the CAS with extra verification work around its own
   * verifier (the load benchmark verifies a real quote along with each simulated one); a CAS that
   * serves uses the trust anchors. {@code outcomes} hears of every recorded attempt.
   */
  public static Workloads wire(
      CasStore store,
      Barrier barrier,
      PolicyDirectory policies,
      CasKeys keys,
      String name,
      Attestations.Settings settings,
      EvidenceCheck evidence,
      Collateral collateral,
      AttestationOutcomes outcomes,
      InstantSource clock,
      SecureRandom random)
      throws CasStartException {
    String trustDomain = settings.trustDomain();
    try {
      new io.coffer.cas.pki.SpiffeId(trustDomain, "policy", "service");
    } catch (IllegalArgumentException e) {
      throw new CasStartException(
          Reason.CONFIGURATION,
          "the trust domain '" + trustDomain + "' cannot name workloads: " + e.getMessage(),
          e);
    }
    SecretVault vault = new SecretVault(store, barrier, policies, clock, random);
    Sharing sharing = new Sharing(policies);
    VolumeTags tags = new VolumeTags(store, barrier, clock);
    EarTokens tokens = new EarTokens(keys, name);
    Attestations attestations =
        new Attestations(
            new Attestations.Parts(
                store,
                policies,
                vault,
                sharing,
                tags,
                Objects.requireNonNull(evidence, "evidence"),
                collateral,
                new Nonces(nonceKey(store, barrier, random), clock, random),
                tokens,
                outcomes),
            settings,
            clock,
            random);
    Instances instances = new Instances(vault, trustDomain, clock);
    return new WorkloadApi(
        attestations,
        new Reveals(store, policies, vault, clock),
        new VolumeUpdates(store, policies, instances, sharing, tags, clock),
        tokens::verificationKeys);
  }

  /**
   * The vendors' pinned roots, and the simulated platform of this CAS's configuration (its key
   * file) when the CAS runs in simulation or that key file exists: its evidence a policy still
   * accepts only when it tolerates simulation. A CAS on a TEE without that file trusts no simulated
   * platform at all.
   */
  private static TrustAnchors anchors(CasConfig config) throws CasStartException {
    TrustAnchors anchors = TrustAnchors.defaults();
    java.nio.file.Path key = config.simulation().platformKey();
    if (config.tee() != io.coffer.cas.identity.TeeMode.SIMULATION
        && !java.nio.file.Files.exists(key)) {
      return anchors;
    }
    try {
      return anchors.withSimulationKey(SimulatedPlatform.loadOrCreate(key).publicKey());
    } catch (IOException | GeneralSecurityException e) {
      throw new CasStartException(
          Reason.CONFIGURATION,
          "cannot read the simulated platform key " + key + ": " + e.getMessage(),
          e);
    }
  }

  private static Collateral collateral(CasConfig config) throws CasStartException {
    if (config.collateral().isEmpty()) {
      return Collateral.empty();
    }
    try {
      return CollateralFiles.load(List.of(config.collateral().get()));
    } catch (AttestationException e) {
      throw new CasStartException(Reason.CONFIGURATION, "--collateral: " + e.getMessage(), e);
    }
  }

  /** The nonces' key: made once, by the first process to serve, and shared through the store. */
  private static byte[] nonceKey(CasStore store, Barrier barrier, SecureRandom random)
      throws CasStartException {
    try {
      byte[] sealed =
          store.write(tx -> {
            Optional<byte[]> existing = tx.meta(NONCE_KEY);
            if (existing.isPresent()) {
              return existing.get();
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            byte[] made = barrier.encrypt(NONCE_KEY_ROW, key);
            tx.putMeta(NONCE_KEY, made);
            return made;
          });
      return barrier.decrypt(NONCE_KEY_ROW, sealed);
    } catch (CasException e) {
      throw new CasStartException(Reason.STORE, "cannot read the nonce key: " + e.getMessage(), e);
    } catch (BarrierException e) {
      throw new CasStartException(Reason.CORRUPT, "the stored nonce key does not open", e);
    }
  }
}
