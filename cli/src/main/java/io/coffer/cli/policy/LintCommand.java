package io.coffer.cli.policy;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.Problem;
import io.coffer.policy.canonical.PolicyHash;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer policy lint FILE...}: every problem of every file, or "valid" with the hash. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Check policy files: strict YAML, every field, every reference. Prints every problem as"
          + " file:line:column: field.path: message, or each file's hash when it is valid.",
      "Exit 0 when every file is valid; 1 when any is not; 2 when a file cannot be read."
    })
final class LintCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Policy files (YAML).")
  private List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<PolicyFile.Outcome> outcomes = new ArrayList<>();
    for (Path f : files) {
      outcomes.add(PolicyFile.read(f));
    }
    int problems = outcomes.stream().mapToInt(o -> o.problems().size()).sum();
    if (json.enabled()) {
      List<Object> docs = new ArrayList<>();
      for (PolicyFile.Outcome o : outcomes) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("file", o.file().toString());
        d.put("valid", o.valid());
        if (o.valid()) {
          d.put("name", o.policy().name().value());
          d.put("hash", PolicyHash.of(o.policy()));
        } else {
          d.put("problems", o.problems().stream().map(LintCommand::problem).toList());
        }
        docs.add(d);
      }
      JsonOutput.write(out, Map.of("files", docs, "valid", problems == 0));
    } else {
      for (PolicyFile.Outcome o : outcomes) {
        if (o.valid()) {
          out.println(o.file() + ": valid, " + o.policy().name() + " " + PolicyHash.of(o.policy()));
        } else {
          o.problems().forEach(out::println);
        }
      }
      out.flush();
    }
    if (problems > 0) {
      long bad = outcomes.stream().filter(o -> !o.valid()).count();
      throw CommandException.no(
          bad + " of " + outcomes.size() + " files not valid, " + problems + " problems");
    }
    return ExitCode.OK;
  }

  private static Map<String, Object> problem(Problem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", p.file());
    m.put("line", p.line());
    m.put("column", p.column());
    m.put("path", p.path());
    m.put("message", p.message());
    return m;
  }
}
