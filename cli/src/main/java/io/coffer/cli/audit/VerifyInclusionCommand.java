package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOption;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.TreeHasher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer audit verify-inclusion}: checks an RFC 9162 inclusion proof offline. */
@Command(
    name = "verify-inclusion",
    mixinStandardHelpOptions = true,
    description = {
      "Verify that an entry is in a log: an RFC 9162 inclusion proof against a tree head.",
      "Hashes are 64 hex digits or base64. Exit 0 when the proof holds, 1 when it does not."
    })
final class VerifyInclusionCommand implements Callable<Integer> {

  /** Entries are at most 64 KiB in a Coffer log; anything far larger is not an entry. */
  static final long MAX_ENTRY_FILE_BYTES = 16L << 20;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(names = "--tree-size", required = true, description = "Size of the tree the root is for.")
  private long treeSize;

  @Option(names = "--index", required = true, description = "Index of the entry, from 0.")
  private long index;

  @Option(
      names = "--root",
      required = true,
      converter = HashConverter.class,
      description = "Root hash of the tree (from a verified checkpoint).")
  private Hash root;

  @ArgGroup(multiplicity = "1")
  private Leaf leaf;

  static final class Leaf {
    @Option(
        names = "--leaf-hash",
        converter = HashConverter.class,
        description = "The entry's RFC 9162 leaf hash.")
    Hash leafHash;

    @Option(names = "--entry", description = "A file holding the entry's exact bytes.")
    Path entry;
  }

  @Option(
      names = "--proof",
      split = ",",
      converter = HashConverter.class,
      description = "The audit path, leaf to root, comma-separated (empty for a one-entry tree).")
  private List<Hash> proof = List.of();

  @Override
  public Integer call() {
    if (treeSize < 0 || index < 0) {
      throw CommandException.usage("--tree-size and --index must not be negative");
    }
    Hash leafHash = leaf.leafHash != null ? leaf.leafHash : TreeHasher.leaf(readEntry(leaf.entry));
    InclusionProof inclusion = new InclusionProof(index, treeSize, proof);
    Map<String, Object> details =
        Map.of(
            "treeSize",
            treeSize,
            "index",
            index,
            "root",
            root.toBase64(),
            "leafHash",
            leafHash.toBase64());
    Verdict verdict;
    try {
      ProofVerifier.verifyInclusion(leafHash, inclusion, root);
      verdict =
          Verdict.valid(
              "valid: entry "
                  + index
                  + " is in the tree of size "
                  + treeSize
                  + " with root "
                  + root.toBase64(),
              details);
    } catch (ProofException e) {
      verdict = Verdict.invalid(e.reason(), "invalid inclusion proof: " + e.getMessage(), details);
    }
    return verdict.report(spec.commandLine().getOut(), json.enabled());
  }

  static byte[] readEntry(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_ENTRY_FILE_BYTES) {
        throw CommandException.usage(
            file
                + ": "
                + size
                + " bytes is larger than any log entry ("
                + MAX_ENTRY_FILE_BYTES
                + ")");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read the entry: " + e.getMessage(), e);
    }
  }
}
