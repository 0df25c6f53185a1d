package io.coffer.cli.demo;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code coffer demo}: the multi-stakeholder confidential ML workflow on embedded defaults.
 *
 * <p>The components the demo runs (CAS, attestation, policies, ledger, file-system shield and the
 * runtime) are not part of this build yet. Until they are, the command states what it will do and
 * exits with {@link io.coffer.cli.command.ExitCode#UNAVAILABLE}; it never pretends to run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run the end-to-end confidential ML workflow: several stakeholders who do not trust each"
          + " other, nor the operator, compute together; an auditor verifies the log afterwards.",
      "Not available in this build yet: it prints the plan and exits with code 69."
    })
public final class DemoCommand implements Callable<Integer> {

  /** The steps the demo will run, in order. */
  static final List<String> PLAN =
      List.of(
          "start an embedded CAS (SQLite store, simulation TEE) in a temporary data directory",
          "create an identity for each stakeholder: hospital, vendor, model owner, auditor",
          "create and approve each stakeholder's policy through the CAS API",
          "seal the hospital's dataset and the vendor's training code with the file-system shield",
          "train a model with 'coffer run' in a separate, attested process",
          "serve predictions from the model owner's attested inference service",
          "show the operator's attempts to read the dataset, the model and a secret being refused",
          "verify the audit log offline and list the events that tell the story");

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.write(out, Map.of("available", false, "plan", PLAN));
    } else {
      out.println("The Coffer demo will:");
      for (int i = 0; i < PLAN.size(); i++) {
        out.printf("  %d. %s%n", i + 1, PLAN.get(i));
      }
      out.flush();
    }
    throw CommandException.unavailable(
        "not available in this build yet: the CAS, attestation, policy, ledger and runtime"
            + " modules it runs have not landed");
  }
}
