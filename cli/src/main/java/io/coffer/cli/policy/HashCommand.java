package io.coffer.cli.policy;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.canonical.PolicyHash;
import io.coffer.policy.model.Policy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer policy hash FILE}: the policy hash (SHA-256 of its RFC 8785 canonical JSON). */
@Command(
    name = "hash",
    mixinStandardHelpOptions = true,
    description = {
      "Print a policy's hash: SHA-256 of its canonical form (RFC 8785 JSON of the parsed"
          + " policy, defaults explicit), the same however the YAML is formatted.",
      "Exit 0 with the hash; 1 when the policy is not valid (its problems on stdout); 2 when the"
          + " file cannot be read."
    })
final class HashCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(names = "--canonical", description = "Also print the canonical JSON that is hashed.")
  private boolean canonical;

  @Parameters(paramLabel = "FILE", description = "The policy file (YAML).")
  private Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Policy policy = PolicyFile.valid(file, out);
    String hash = PolicyHash.of(policy);
    if (json.enabled()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", policy.name().value());
      d.put("hash", hash);
      if (canonical) {
        d.put("canonical", PolicyHash.canonicalText(policy));
      }
      JsonOutput.write(out, d);
    } else {
      out.println(hash);
      if (canonical) {
        out.println(PolicyHash.canonicalText(policy));
      }
      out.flush();
    }
    return ExitCode.OK;
  }
}
