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
import io.coffer.cli.command.CofferHome;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.cli.trust.TrustRootFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer attest verify}: verifies TEE evidence offline against collateral files and the
 * pinned vendor roots, and prints the verified claims.
 *
 * <p>Simulated evidence is accepted only with {@code --type simulation}: auto-detection never
 * accepts it. With {@code --type simulation} the local simulated platform's key ({@link
 * CofferHome#simulatedPlatformKey}) is trusted if it exists, besides any {@code --trust-root}. The
 * verification instant is {@code --at}, or the clock's now, read once.
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
          + " 2 when the evidence, a collateral file, a trust root or an option cannot be read or"
          + " parsed."
    })
final class VerifyCommand implements Callable<Integer> {

  /** What stderr says whenever simulated evidence is collected or verified. */
  static final String SIMULATED_WARNING =
      "WARNING: simulated evidence: it proves nothing about confidentiality";

  private final Supplier<CofferHome> home;
  private final Clock clock;

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
          "The evidence format: ${COMPLETION-CANDIDATES} (default: auto, from its bytes; auto"
              + " never accepts simulated evidence, which must be named).")
  private EvidenceTypeChoice type = EvidenceTypeChoice.AUTO;

  @Option(
      names = "--collateral",
      paramLabel = "PATH",
      description =
          "A collateral file, or a directory of them (every regular file below it, recursively,"
              + " in name order; hidden files and links skipped), recognised by content:"
              + " certificates and CRLs (PEM or DER), Intel PCS TCB info and enclave identity"
              + " JSON, dcap-qvl collateral bundles (repeatable). Nothing in it is trusted by"
              + " itself.")
  private List<Path> collateral = new ArrayList<>();

  @Option(
      names = "--trust-root",
      paramLabel = "FILE",
      description =
          "Also trust this root, in addition to the pinned ones (repeatable): a self-signed CA"
              + " certificate, PEM or DER (an AMD root when its CN starts with ARK-, an Intel root"
              + " otherwise), or an Ed25519 PUBLIC KEY in PEM (a simulated platform).")
  private List<Path> trustRoots = new ArrayList<>();

  @Option(
      names = "--at",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Verify as of this instant, ISO-8601 with an offset (2025-07-19T10:01:17Z) or Unix"
              + " seconds (default: now).")
  private Instant at;

  @Option(
      names = "--signature-only",
      description =
          "Check signatures and certificate chains (and CRLs given) but not the TCB status (then"
              + " Unknown), for evidence that comes without TCB collateral.")
  private boolean signatureOnly;

  /** Verifies with the process's {@link CofferHome} and the system clock. */
  VerifyCommand() {
    this(CofferHome::locate, Clock.systemUTC());
  }

  /** Verifies with the given home (for the simulated platform's key) and clock (for "now"). */
  VerifyCommand(Supplier<CofferHome> home, Clock clock) {
    this.home = home;
    this.clock = clock;
  }

  @Override
  public Integer call() {
    boolean simulation = type.forced().equals(Optional.of(EvidenceType.SIMULATION));
    TrustAnchors anchors = TrustRootFile.addAll(TrustAnchors.defaults(), trustRoots);
    if (simulation) {
      anchors = withLocalSimulatedPlatform(anchors);
    }
    PrintWriter out = spec.commandLine().getOut();
    Evidence given;
    try {
      byte[] bytes = EvidenceFile.read(evidence);
      Optional<EvidenceType> forced = type.forced();
      given =
          new Evidence(forced.isPresent() ? forced.get() : EvidenceDetector.detect(bytes), bytes);
    } catch (AttestationException e) {
      throw new Rejection(evidence.toString(), e).reported(out, json.enabled());
    }
    Collateral loaded;
    try {
      loaded = CollateralFiles.load(collateral);
    } catch (AttestationException e) {
      throw new Rejection("--collateral", e).reported(out, json.enabled());
    }
    VerificationOptions options =
        new VerificationOptions(at != null ? at : clock.instant(), signatureOnly, simulation);
    VerifiedClaims claims;
    try {
      claims = AttestationVerifier.create(anchors).verify(given, loaded, options);
    } catch (AttestationException e) {
      throw new Rejection(evidence.toString(), e).reported(out, json.enabled());
    }
    return print(out, claims);
  }

  private int print(PrintWriter out, VerifiedClaims claims) {
    if (claims.simulated()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(SIMULATED_WARNING);
      err.flush();
    }
    ClaimsReport report = ClaimsReport.of(claims);
    if (json.enabled()) {
      JsonOutput.write(out, report.fields());
    } else {
      report.lines().forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }

  /** {@code anchors} with the local simulated platform's key, when this machine has one. */
  private TrustAnchors withLocalSimulatedPlatform(TrustAnchors anchors) {
    Path keyFile = home.get().simulatedPlatformKey();
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
