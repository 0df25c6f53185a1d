package io.coffer.cli.cas;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.collateral.CollateralFiles;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.identity.CasVerifier;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.trust.TrustRootFile;
import io.coffer.policy.model.Tolerance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * How a CAS's evidence is judged, as {@code coffer attest verify} takes it: collateral, extra trust
 * roots, and the weaknesses tolerated. Simulated evidence is trusted, when {@code simulation} is
 * tolerated, through the local simulated platform's key ({@code $COFFER_HOME/simulation/
 * platform.pem}) besides any {@code --trust-root}.
 */
final class EvidenceTrustOptions {

  @Option(
      names = "--tolerate",
      split = ",",
      paramLabel = "TOLERANCE",
      converter = ToleranceConverter.class,
      description =
          "Accept these weaknesses of the CAS's TEE (comma-separated, repeatable): simulation,"
              + " debug, outdated-tcb, sw-hardening-needed, configuration-needed. None by"
              + " default.")
  private List<Tolerance> tolerated = new ArrayList<>();

  @Option(
      names = "--collateral",
      paramLabel = "PATH",
      description =
          "Collateral files or directories for the CAS's evidence, as 'coffer attest verify'"
              + " takes them (repeatable).")
  private List<Path> collateral = new ArrayList<>();

  @Option(
      names = "--trust-root",
      paramLabel = "FILE",
      description =
          "Also trust this root, as 'coffer attest verify' takes it (repeatable): a self-signed"
              + " CA certificate, or a simulated platform's Ed25519 PUBLIC KEY.")
  private List<Path> trustRoots = new ArrayList<>();

  /** The tolerances given, plus {@code also}. */
  Set<Tolerance> tolerated(Set<Tolerance> also) {
    Set<Tolerance> all = new LinkedHashSet<>(tolerated);
    all.addAll(also);
    return all;
  }

  /**
   * A verifier trusting the pinned vendor roots, the roots given and, when {@code simulation} is
   * tolerated, the local simulated platform, at the context's clock.
   *
   * @throws CommandException unreadable input for a trust root or collateral that cannot be read
   */
  CasVerifier verifier(CasContext context, Set<Tolerance> tolerances) {
    TrustAnchors anchors = TrustRootFile.addAll(TrustAnchors.defaults(), trustRoots);
    if (tolerances.contains(Tolerance.SIMULATION)) {
      anchors = withLocalSimulatedPlatform(anchors, context.home().simulatedPlatformKey());
    }
    Collateral loaded;
    try {
      loaded = CollateralFiles.load(collateral);
    } catch (AttestationException e) {
      throw CommandException.badInput("--collateral: " + e.reason() + ": " + e.getMessage(), e);
    }
    return new CasVerifier(anchors, loaded, context.clock());
  }

  private static TrustAnchors withLocalSimulatedPlatform(TrustAnchors anchors, Path keyFile) {
    if (!Files.exists(keyFile)) {
      return anchors;
    }
    try {
      return anchors.withSimulationKey(SimulatedPlatform.load(keyFile).publicKey());
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw CommandException.badInput(
          keyFile + ": cannot read the local simulated platform's key: " + e.getMessage(), e);
    }
  }
}
