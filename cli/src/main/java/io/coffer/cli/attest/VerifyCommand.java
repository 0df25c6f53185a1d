package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralFiles;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.attestation.verifier.EvidenceDetector;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer attest verify}: verifies TEE evidence offline against collateral files and the
 * pinned vendor roots, and prints the verified claims.
 *
 * <p>Simulated evidence is accepted only with {@code --type simulation} or {@code
 * --allow-simulation}; the local simulated platform's key ({@link CofferHome#simulatedPlatformKey})
 * is then trusted if it exists. The verification instant is {@code --at}, or now: this is the only
 * place the clock is read.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify TEE evidence (an SGX or TDX quote, an SEV-SNP report, an Azure HCL report, or"
          + " simulated evidence) against collateral files and the pinned Intel and AMD roots, and"
          + " print what it proves. TCB status, advisories and the debug bit are reported, not"
          + " judged: that is a policy's job.",
      "Exit 0 with the claims; 1 when the evidence does not verify (the reason code names why);"
          + " 2 when the evidence or a collateral file cannot be read or parsed."
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(
      names = "--evidence",
      required = true,
      paramLabel = "FILE",
      description = "The evidence, exactly as the TEE produced it.")
  private Path evidence;

  @Option(
      names = "--type",
      paramLabel = "TYPE",
      converter = EvidenceTypeChoice.Converter.class,
      completionCandidates = EvidenceTypeChoice.Names.class,
      description =
          "The evidence format: ${COMPLETION-CANDIDATES} (default: auto, from its bytes).")
  private EvidenceTypeChoice type = EvidenceTypeChoice.AUTO;

  @Option(
      names = "--collateral",
      paramLabel = "PATH",
      description =
          "A collateral file, or a directory of them, recognised by content: certificates and"
              + " CRLs (PEM or DER), Intel PCS TCB info and enclave identity JSON, collateral"
              + " bundles (repeatable). Nothing in it is trusted by itself.")
  private List<Path> collateral = new ArrayList<>();

  @Option(
      names = "--trust-root",
      paramLabel = "FILE",
      description =
          "Also trust this root (repeatable): a self-signed CA certificate, PEM or DER (an AMD root"
              + " when its CN starts with ARK-, an Intel root otherwise), or an Ed25519 PUBLIC KEY"
              + " in PEM (a simulated platform).")
  private List<Path> trustRoots = new ArrayList<>();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Verify as of this instant, ISO-8601 (2025-07-19T10:01:17Z) or Unix seconds"
              + " (default: now).")
  private Instant at;

  @Option(
      names = "--signature-only",
      description =
          "Check signatures and certificate chains but not the TCB status (then Unknown), for"
              + " evidence that comes without TCB collateral.")
  private boolean signatureOnly;

  @Option(
      names = "--allow-simulation",
      description =
          "Accept simulated evidence, which proves nothing about confidentiality (implied by"
              + " --type simulation).")
  private boolean allowSimulation;

  @Override
  public Integer call() {
    TrustAnchors anchors = TrustRootFile.addAll(TrustAnchors.defaults(), trustRoots);
    PrintWriter out = spec.commandLine().getOut();
    Evidence given;
    try {
      byte[] bytes = EvidenceFile.read(evidence);
      Optional<EvidenceType> forced = type.forced();
      given =
          new Evidence(forced.isPresent() ? forced.get() : EvidenceDetector.detect(bytes), bytes);
    } catch (AttestationException e) {
      return new Rejection(evidence.toString(), e).report(out, json.enabled());
    }
    Collateral loaded;
    try {
      loaded = CollateralFiles.load(collateral);
    } catch (AttestationException e) {
      return new Rejection("--collateral", e).report(out, json.enabled());
    }
    boolean simulationAllowed =
        allowSimulation || type.forced().equals(Optional.of(EvidenceType.SIMULATION));
    if (simulationAllowed && given.type() == EvidenceType.SIMULATION) {
      anchors = withLocalSimulatedPlatform(anchors);
    }
    VerificationOptions options =
        new VerificationOptions(at != null ? at : Instant.now(), signatureOnly, simulationAllowed);
    try {
      VerifiedClaims claims = AttestationVerifier.create(anchors).verify(given, loaded, options);
      return print(out, ClaimsReport.of(claims));
    } catch (AttestationException e) {
      return new Rejection(evidence.toString(), e).report(out, json.enabled());
    }
  }

  private int print(PrintWriter out, ClaimsReport report) {
    if (json.enabled()) {
      JsonOutput.write(out, report.fields());
    } else {
      report.lines().forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }

  /** {@code anchors} with the local simulated platform's key, when this machine has one. */
  private static TrustAnchors withLocalSimulatedPlatform(TrustAnchors anchors) {
    Path keyFile = CofferHome.locate().simulatedPlatformKey();
    if (!Files.exists(keyFile)) {
      return anchors;
    }
    try {
      return anchors.withSimulationKey(SimulatedPlatform.load(keyFile).publicKey());
    } catch (IOException | GeneralSecurityException e) {
      throw CommandException.badInput(
          keyFile + ": cannot read the local simulated platform's key: " + e.getMessage(), e);
    }
  }
}
