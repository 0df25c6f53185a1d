package io.coffer.cli.run;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.WorkloadAttester;
import io.coffer.cas.provision.ConfigurationJweException;
import io.coffer.cli.attest.EvidenceOptions;
import io.coffer.cli.attest.TeeInterfaces;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.CasTargetOptions;
import io.coffer.cli.cas.Printable;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.runtime.ConfidentialRun;
import io.coffer.runtime.RunException;
import io.coffer.runtime.RunOptions;
import io.coffer.runtime.RunOutcome;
import io.coffer.runtime.StepListener;
import io.coffer.runtime.VolumeSave;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coffer run}: attests as a service of a policy, then runs the service's program with the
 * configuration the CAS released ({@link ConfidentialRun}), and reports its volumes' new tags with
 * the instance certificate.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Attest as a service of a policy to a pinned CAS, then run the service's program"
          + " confidentially: unseal its protected image tree (--fs) and volumes (--volumes) into"
          + " the work directory, write the policy's files, start the policy's command with the"
          + " policy's environment (host arguments after -- and host variables only where the"
          + " policy allows them), forward SIGINT, SIGTERM and SIGHUP, and when it exits re-seal"
          + " every read-write volume and report its new tag to the CAS by compare-and-set.",
      "Plaintext is written only in the work directory, which must not exist or be empty; run it"
          + " on memory the TEE protects (in a confidential VM or container, a tmpfs in encrypted"
          + " guest memory). Its content is deleted when the program has exited.",
      "Exit: the program's status (128+n when killed by signal n); 1 when the run is refused"
          + " (attestation refused, tree or volume refused, a path outside the work directory);"
          + " 2 usage; 69 the CAS or the TEE is not available; "
          + RunCommand.VOLUME_NOT_SAVED
          + " the program ran but a volume could not be saved (its previous version stays"
          + " current)."
    })
public final class RunCommand implements Callable<Integer> {

  /** The exit status when the program ran but a volume's new version was not saved. */
  static final int VOLUME_NOT_SAVED = 75;

  /** The problem type slug of a refused attestation. */
  static final String REFUSED = "attestation-failed";

  /** The default work directory. */
  static final String DEFAULT_WORK = "/coffer";

  private final CasContext context;
  private final TeeInterfaces interfaces;
  private final Map<String, String> hostEnvironment;

  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = false, multiplicity = "1")
  private CasTargetOptions cas;

  @Option(names = "--policy", required = true, paramLabel = "NAME", description = "The policy.")
  private String policy;

  @Option(
      names = "--service",
      required = true,
      paramLabel = "NAME",
      description = "The service of the policy to run.")
  private String service;

  @Mixin private EvidenceOptions evidence;

  @Option(
      names = "--fs",
      paramLabel = "DIR",
      description =
          "The service's protected image tree (sealed), unsealed into the work directory.")
  private Path imageTree;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      defaultValue = DEFAULT_WORK,
      description =
          "The work directory: every path of the policy must lie inside it (default: ${DEFAULT-VALUE}).")
  private Path work;

  @Option(
      names = "--volumes",
      paramLabel = "DIR",
      description =
          "Where the sealed versions of volumes are kept (DIR/<policy>/<volume>/<tag>); required"
              + " when the service mounts volumes.")
  private Path volumes;

  @Option(names = "--quiet", description = "Only errors and warnings on stderr, no step lines.")
  private boolean quiet;

  @Parameters(
      paramLabel = "ARGS",
      description =
          "Host arguments for the program, after --; dropped unless the policy's allow_host_args"
              + " lists them.")
  private List<String> hostArguments = new ArrayList<>();

  RunCommand() {
    this(CasContext.system());
  }

  RunCommand(CasContext context) {
    this(context, TeeInterfaces.standard());
  }

  RunCommand(CasContext context, TeeInterfaces interfaces) {
    this(context, interfaces, System.getenv());
  }

  RunCommand(CasContext context, TeeInterfaces interfaces, Map<String, String> hostEnvironment) {
    this.context = context;
    this.interfaces = interfaces;
    this.hostEnvironment = Map.copyOf(hostEnvironment);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    StepListener steps = new StderrSteps(err, quiet);
    EvidenceSource source = evidence.select(interfaces, context);
    if (evidence.auto()) {
      steps.step("evidence from " + source.name() + " (--tee auto)");
    }
    if (source instanceof SimulationSource) {
      steps.warning("SIMULATED evidence: no TEE protects this run");
    }
    AttestedWorkload workload;
    try (RemoteCas anonymous = cas.connect(context, Optional.empty())) {
      workload = anonymous.call(client -> attest(client, source));
    }
    steps.step("admitted as " + policy + "/" + service + " by " + cas.label());
    RunOptions options =
        new RunOptions(
            hostArguments,
            hostEnvironment,
            work.toAbsolutePath().normalize(),
            Optional.ofNullable(imageTree).map(p -> p.toAbsolutePath().normalize()),
            Optional.ofNullable(volumes).map(p -> p.toAbsolutePath().normalize()));
    RunOutcome outcome;
    try (CasTagReporter reporter =
        new CasTagReporter(
            () -> cas.connect(context, Optional.of(workload.clientIdentity())), policy)) {
      outcome = ConfidentialRun.run(workload.configuration(), options, reporter, steps);
    } catch (RunException e) {
      throw CommandException.no(e.getMessage(), e);
    }
    if (!outcome.allVolumesSaved()) {
      List<String> lost =
          outcome.volumes().stream().filter(v -> !v.saved()).map(RunCommand::notSaved).toList();
      err.println(
          spec.qualifiedName()
              + ": the program exited with status "
              + outcome.exitStatus()
              + ", but "
              + String.join("; ", lost));
      err.flush();
      return VOLUME_NOT_SAVED;
    }
    return outcome.exitStatus();
  }

  private static String notSaved(VolumeSave v) {
    return "volume "
        + v.volume()
        + " was not saved ("
        + (v.status() == VolumeSave.Status.STALE_TAG
            ? "stale tag: another writer moved it first"
            : "failed")
        + ": "
        + Printable.line(v.detail())
        + "); its previous version stays current";
  }

  private AttestedWorkload attest(io.coffer.cas.client.CasClient client, EvidenceSource source)
      throws CasClientException {
    try {
      return new WorkloadAttester(client, source).attest(policy, service);
    } catch (CasClientException e) {
      if (e.slug().equals(REFUSED)) {
        List<String> reasons = e.reasons().stream().map(Printable::line).toList();
        throw CommandException.no(
            "refused: "
                + (reasons.isEmpty() ? REFUSED : String.join(", ", reasons))
                + ": "
                + Printable.line(e.getMessage() == null ? "" : e.getMessage())
                + "; the program was not started",
            e);
      }
      throw e;
    } catch (AttestationException e) {
      throw CommandException.unavailable(
          source.name() + " did not give evidence: " + e.reason() + ": " + e.getMessage(), e);
    } catch (ConfigurationJweException e) {
      throw CommandException.no(
          "the configuration does not open with this workload's key: " + e.getMessage(), e);
    }
  }

  /** Step lines on stderr, {@code coffer run: ...}; with {@code --quiet} only warnings. */
  private record StderrSteps(PrintWriter err, boolean quiet) implements StepListener {
    @Override
    public void step(String line) {
      if (!quiet) {
        warning(line);
      }
    }

    @Override
    public void warning(String line) {
      err.println("coffer run: " + Printable.line(line));
      err.flush();
    }
  }
}
