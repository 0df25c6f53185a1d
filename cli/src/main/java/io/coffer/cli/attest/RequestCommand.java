package io.coffer.cli.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.SimulationSource;
import io.coffer.cas.client.AttestedWorkload;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.WorkloadAttester;
import io.coffer.cas.provision.ConfigurationJweException;
import io.coffer.cas.provision.VerifiedEar;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.PinnedCasOption;
import io.coffer.cli.cas.Printable;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer attest request}: runs the workload's side of the attestation protocol ({@link
 * WorkloadAttester}) against a pinned CAS, anonymously, and prints the configuration it opens.
 *
 * <p>Security guarantees: the ephemeral private key stays in this process's memory and is never
 * written; secret values are printed only with {@code --show-secrets}, and never put in an error
 * message or a log line; the attestation result token is verified with the CAS's published key
 * before anything is printed. Talks only to the pinned CAS ({@link RemoteCas}).
 */
@Command(
    name = "request",
    mixinStandardHelpOptions = true,
    description = {
      "Attest as a service of a policy to a pinned CAS, as the workload would (challenge, evidence"
          + " binding a fresh key, attest), open the configuration the CAS encrypts to that key,"
          + " and print it for debugging. Secret values are shown as <secret: N chars> unless"
          + " --show-secrets.",
      "Exit 0 when admitted; 1 when refused (the reason codes name why) or the answer does not"
          + " verify; 2 for a usage error or unreadable input; 69 when the CAS or the TEE is not"
          + " available."
    })
final class RequestCommand implements Callable<Integer> {

  /** The problem type slug of a refused attestation. */
  static final String REFUSED = "attestation-failed";

  private final CasContext context;
  private final TeeInterfaces interfaces;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private PinnedCasOption cas;

  @Option(names = "--policy", required = true, paramLabel = "NAME", description = "The policy.")
  private String policy;

  @Option(
      names = "--service",
      required = true,
      paramLabel = "NAME",
      description = "The service of the policy to attest as.")
  private String service;

  @Mixin private EvidenceOptions evidence;

  @Option(
      names = "--show-secrets",
      description = "Print secret values instead of <secret: N chars>.")
  private boolean showSecrets;

  RequestCommand() {
    this(CasContext.system());
  }

  RequestCommand(CasContext context) {
    this(context, TeeInterfaces.standard());
  }

  RequestCommand(CasContext context, TeeInterfaces interfaces) {
    this.context = context;
    this.interfaces = interfaces;
  }

  @Override
  public Integer call() {
    EvidenceSource source = evidence.select(interfaces, context);
    PrintWriter err = spec.commandLine().getErr();
    if (evidence.auto()) {
      err.println("evidence from " + source.name() + " (--tee auto)");
    }
    if (source instanceof SimulationSource) {
      err.println(VerifyCommand.SIMULATED_WARNING);
    }
    err.flush();
    Outcome outcome;
    try (RemoteCas remote = RemoteCas.connect(context, cas.name(), Optional.empty())) {
      outcome = remote.call(client -> attempt(client, source));
    }
    return switch (outcome) {
      case Refused r -> refused(r.failure());
      case Admitted a -> admitted(a);
    };
  }

  private Outcome attempt(CasClient client, EvidenceSource source) throws CasClientException {
    AttestedWorkload workload;
    try {
      workload = new WorkloadAttester(client, source).attest(policy, service);
    } catch (CasClientException e) {
      if (e.slug().equals(REFUSED)) {
        return new Refused(e);
      }
      throw e;
    } catch (AttestationException e) {
      throw CommandException.unavailable(
          source.name() + " did not give evidence: " + e.reason() + ": " + e.getMessage(), e);
    } catch (ConfigurationJweException e) {
      throw CommandException.no(
          "the configuration does not open with this workload's key: " + e.getMessage(), e);
    }
    return new Admitted(workload, client.verificationKeys());
  }

  private int refused(CasClientException e) {
    List<String> reasons = e.reasons().stream().map(Printable::line).toList();
    String detail = Printable.line(e.getMessage() == null ? "" : e.getMessage());
    if (json.enabled()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("admitted", false);
      doc.put("reasons", reasons);
      doc.put("detail", detail);
      JsonOutput.write(spec.commandLine().getOut(), doc);
    }
    throw CommandException.no(
        "refused: "
            + (reasons.isEmpty() ? REFUSED : String.join(", ", reasons))
            + ": "
            + detail
            + e.correlationId().map(id -> " (correlation id " + id + ")").orElse(""),
        e);
  }

  private int admitted(Admitted a) {
    OpenedConfiguration opened;
    String tokenText;
    try {
      opened = OpenedConfiguration.parse(a.workload().configuration());
      tokenText = opened.attestationResult();
    } catch (IllegalArgumentException e) {
      throw CommandException.no("the CAS's configuration cannot be shown: " + e.getMessage(), e);
    }
    VerifiedEar token =
        ResultTokenCheck.verify(
            tokenText, a.keySet(), context.clock().instant(), a.workload().key().getPublic());
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.write(out, opened.shown(showSecrets));
    } else {
      AdmissionReport.lines(a.workload().answer(), opened, showSecrets, token)
          .forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }

  /** What one attempt came to. */
  private sealed interface Outcome permits Admitted, Refused {}

  /** Admitted, with the key set that verifies result tokens. */
  private record Admitted(AttestedWorkload workload, String keySet) implements Outcome {}

  /** Refused: an {@code attestation-failed} problem. */
  private record Refused(CasClientException failure) implements Outcome {}
}
