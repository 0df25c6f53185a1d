package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOption;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer audit verify-consistency}: checks an RFC 9162 consistency proof offline. */
@Command(
    name = "verify-consistency",
    mixinStandardHelpOptions = true,
    description = {
      "Verify that a log only grew: an RFC 9162 consistency proof from an older tree head to a"
          + " newer one.",
      "Hashes are 64 hex digits or base64. Exit 0 when the proof holds, 1 when it does not."
    })
final class VerifyConsistencyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(names = "--size1", required = true, description = "Size of the older tree.")
  private long size1;

  @Option(names = "--size2", required = true, description = "Size of the newer tree.")
  private long size2;

  @Option(
      names = "--root1",
      required = true,
      converter = HashConverter.class,
      description = "Root hash of the older tree.")
  private Hash root1;

  @Option(
      names = "--root2",
      required = true,
      converter = HashConverter.class,
      description = "Root hash of the newer tree.")
  private Hash root2;

  @Option(
      names = "--proof",
      split = ",",
      converter = HashConverter.class,
      description = "The consistency path, comma-separated (empty when the sizes are equal).")
  private List<Hash> proof = List.of();

  @Override
  public Integer call() {
    if (size1 < 0 || size2 < 0) {
      throw CommandException.usage("--size1 and --size2 must not be negative");
    }
    Map<String, Object> details =
        Map.of(
            "size1", size1, "size2", size2, "root1", root1.toBase64(), "root2", root2.toBase64());
    Verdict verdict;
    try {
      ProofVerifier.verifyConsistency(new ConsistencyProof(size1, size2, proof), root1, root2);
      verdict =
          Verdict.valid(
              "valid: the tree of size " + size1 + " is a prefix of the tree of size " + size2,
              details);
    } catch (ProofException e) {
      verdict =
          Verdict.invalid(e.reason(), "invalid consistency proof: " + e.getMessage(), details);
    }
    return verdict.report(spec.commandLine().getOut(), json.enabled());
  }
}
