package io.coffer.cli.secret;

import io.coffer.cas.client.CasClient;
import io.coffer.cas.client.CasClientException;
import io.coffer.cas.client.ClientIdentity;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.IdentityOption;
import io.coffer.cli.cas.PinnedCasOption;
import io.coffer.cli.cas.Printable;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer secret reveal}: {@code GET /v1/secrets/{policy}/{name}} with the identity's client
 * certificate (docs/protocol.md, "Revealing a secret to a person"), and the value on standard
 * output or in a new file.
 *
 * <p>Security guarantees: see the package; in addition, an answer that is not a well-formed value
 * of its kind is refused without showing it.
 */
@Command(
    name = "reveal",
    mixinStandardHelpOptions = true,
    description = {
      "Read a secret of a policy whose reveal_to names your identity, from a pinned CAS, and print"
          + " its value (or write it to a new file with --out, mode 0600). --format writes it as a"
          + " $$COFFER:name:format$$ placeholder would (default: the kind's first format). The CAS"
          + " records each reveal, and each refusal (access.denied), in its ledger.",
      "Exit 0 with the value; 1 when the CAS refuses (not revealed to you, unknown policy or"
          + " secret); 2 for a usage error, an existing --out file or a format the CAS does not"
          + " reveal; 69 when the CAS is unavailable."
    })
final class RevealCommand implements Callable<Integer> {

  private final CasContext context;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private PinnedCasOption cas;

  @Mixin private IdentityOption identity;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "NAME",
      description = "The policy that defines the secret.")
  private String policy;

  @Option(
      names = "--secret",
      required = true,
      paramLabel = "NAME",
      description = "The secret's name in the policy.")
  private String secret;

  @Option(
      names = "--format",
      paramLabel = "F",
      description =
          "text, hex or base64 (ascii); hex or base64 (binary); pem, key or der (private-key);"
              + " crt, pem, der, key, spki, or chain for an x509-ca (x509-ca, x509).")
  private String format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "Write the value, exactly, to this new file (mode 0600; an existing file is never"
              + " replaced) instead of standard output.")
  private Path out;

  RevealCommand() {
    this(CasContext.system());
  }

  RevealCommand(CasContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (out != null && json.enabled()) {
      throw CommandException.usage("--json prints the value on standard output: not with --out");
    }
    if (out != null) {
      NewPrivateFile.requireAbsent(out);
    }
    ClientIdentity me = identity.load();
    Outcome outcome;
    try (RemoteCas remote = RemoteCas.connect(context, cas.name(), Optional.of(me))) {
      outcome = remote.call(this::attempt);
    }
    return switch (outcome) {
      case Refused r -> throw refused(me, r.failure());
      case Answered a -> print(a.answer());
    };
  }

  private Outcome attempt(CasClient client) throws CasClientException {
    try {
      return new Answered(client.reveal(policy, secret));
    } catch (CasClientException e) {
      if (e.slug().equals("forbidden")) {
        return new Refused(e);
      }
      throw e;
    }
  }

  private static CommandException refused(ClientIdentity me, CasClientException e) {
    return CommandException.no(
        "not revealed to "
            + me.key().identity()
            + ": the CAS recorded this as access.denied ("
            + Printable.line(e.getMessage() == null ? "forbidden" : e.getMessage())
            + ")"
            + e.correlationId().map(id -> " (correlation id " + id + ")").orElse(""),
        e);
  }

  private int print(Map<String, String> answer) {
    RevealedSecret revealed;
    try {
      revealed = RevealedSecret.decode(policy, secret, answer);
    } catch (IllegalArgumentException e) {
      throw CommandException.no(
          "the CAS's answer for " + secret + " of " + policy + " is malformed: " + e.getMessage(),
          e);
    }
    String f = format != null ? format : revealed.defaultFormat();
    String value;
    try {
      value = revealed.render(f);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage(e.getMessage());
    }
    if (out != null) {
      NewPrivateFile.write(out, value.getBytes(StandardCharsets.US_ASCII));
      spec.commandLine()
          .getErr()
          .printf(
              "wrote %s of %s (%s, %s) to %s%n",
              secret, policy, revealed.kind().yamlName(), f, out);
      spec.commandLine().getErr().flush();
      return ExitCode.OK;
    }
    PrintWriter printer = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("policy", policy);
      doc.put("secret", secret);
      doc.put("kind", revealed.kind().yamlName());
      doc.put("format", f);
      doc.put("value", value);
      JsonOutput.write(printer, doc);
    } else {
      printer.print(value.endsWith("\n") ? value : value + "\n");
      printer.flush();
    }
    return ExitCode.OK;
  }

  /** What one attempt came to. */
  private sealed interface Outcome permits Answered, Refused {}

  /** The CAS's answer: {@code kind}, {@code value}, {@code private_key}. */
  private record Answered(Map<String, String> answer) implements Outcome {
    @Override
    public String toString() {
      return "Answered[redacted]";
    }
  }

  /** A {@code forbidden} problem: the secret's reveal_to does not name the caller. */
  private record Refused(CasClientException failure) implements Outcome {}
}
