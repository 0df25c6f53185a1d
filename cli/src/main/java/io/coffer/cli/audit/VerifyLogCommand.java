package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOption;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.ProofBuilder;
import io.coffer.ledger.merkle.ProofException;
import io.coffer.ledger.merkle.ProofVerifier;
import io.coffer.ledger.merkle.SubtreeUnavailableException;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.UnverifiedNote;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TileSubtreeSource;
import io.coffer.ledger.tiles.TilesException;
import io.coffer.ledger.tiles.TilesVerifier;
import io.coffer.ledger.tiles.VerifiedTiles;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code coffer audit verify}: verifies a whole log published as a C2SP tlog-tiles directory,
 * offline: its signed checkpoint, every entry bundle and hash tile, and, given an older checkpoint,
 * that the log only grew since.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a whole log in a local C2SP tlog-tiles directory: the checkpoint is signed by every"
          + " key given, and the tree recomputed from every entry bundle and hash tile has its root."
          + " With --since, also prove that the older checkpoint's tree is a prefix of this one.",
      "Exit 0 only when everything holds; 1 on rollback, fork, truncation, tampering or a bad"
          + " signature (each named); 2 when an input cannot be read."
    })
final class VerifyLogCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private KeyOptions keys;

  @Option(
      names = "--log",
      required = true,
      paramLabel = "DIR",
      description = "The tiles directory.")
  private Path log;

  @Option(
      names = "--since",
      paramLabel = "CHECKPOINT_FILE",
      description = "An older checkpoint of the same log, kept from an earlier audit.")
  private Path since;

  @Option(names = "--origin", description = "The origin the log's checkpoint must have.")
  private String origin;

  @Override
  public Integer call() {
    List<NoteVerifier> verifiers = keys.verifiers();
    Optional<VerifiedCheckpoint> older = Optional.ofNullable(since).map(f -> older(f, verifiers));
    if (!Files.isDirectory(log)) {
      throw CommandException.usage("--log " + log + ": not a directory");
    }
    return verify(log, Optional.ofNullable(origin), verifiers, older)
        .report(spec.commandLine().getOut(), json.enabled());
  }

  /**
   * Verifies the tiles directory {@code log}: its checkpoint is signed by every one of {@code
   * verifiers} (and has {@code origin}, when given), every entry bundle and hash tile reproduces it
   * and, given an {@code older} checkpoint, the log only grew since. {@code coffer audit fetch}
   * checks what it downloaded with this too.
   */
  static Verdict verify(
      Path log,
      Optional<String> origin,
      List<NoteVerifier> verifiers,
      Optional<VerifiedCheckpoint> older) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("log", log.toString());
    TileReader reader;
    VerifiedCheckpoint current;
    try {
      reader = TileReader.open(log);
      current = CheckpointVerifier.allOf(origin, verifiers).verify(reader.checkpoint());
    } catch (TilesException e) {
      return failure(e, details);
    } catch (CheckpointException e) {
      return Verdict.invalid(
          LogFinding.CHECKPOINT_INVALID, "the log's checkpoint: " + e.getMessage(), details);
    }
    TreeHead head = current.treeHead();
    details.putAll(VerifyCheckpointCommand.describe(current.checkpoint()));
    if (older.isPresent()) {
      Optional<Verdict> wrongHistory = compareHeads(current, older.get(), details);
      if (wrongHistory.isPresent()) {
        return wrongHistory.get();
      }
    }
    VerifiedTiles tiles;
    try {
      tiles = TilesVerifier.verify(reader, head);
    } catch (TilesException e) {
      return failure(e, details);
    }
    details.put("entryBundles", tiles.bundlesRead());
    details.put("hashTiles", tiles.tilesRead());
    String summary =
        "verified: "
            + current.origin()
            + ": "
            + head.size()
            + " entries, root "
            + head.root().toBase64()
            + "; "
            + tiles.bundlesRead()
            + " entry bundles and "
            + tiles.tilesRead()
            + " hash tiles agree";
    if (older.isPresent()) {
      TreeHead then = older.get().treeHead();
      Optional<Verdict> inconsistent = proveConsistency(reader, then, head, details);
      if (inconsistent.isPresent()) {
        return inconsistent.get();
      }
      summary += "; consistent with the checkpoint at size " + then.size();
    }
    return Verdict.valid(summary, details);
  }

  /** Rollback, fork at equal size, or another log, from the two signed heads alone. */
  private static Optional<Verdict> compareHeads(
      VerifiedCheckpoint current, VerifiedCheckpoint older, Map<String, Object> details) {
    TreeHead now = current.treeHead();
    TreeHead then = older.treeHead();
    details.put("sinceSize", then.size());
    details.put("sinceRoot", then.root().toBase64());
    if (!current.origin().equals(older.origin())) {
      return Optional.of(
          Verdict.invalid(
              LogFinding.DIFFERENT_LOG,
              "the checkpoint given with --since is for \""
                  + older.origin()
                  + "\", this log is \""
                  + current.origin()
                  + "\"",
              details));
    }
    if (then.size() > now.size()) {
      return Optional.of(
          Verdict.invalid(
              LogFinding.ROLLBACK,
              "rollback: the log signs "
                  + now.size()
                  + " entries, fewer than the "
                  + then.size()
                  + " it signed in the checkpoint given with --since",
              details));
    }
    if (then.size() == now.size() && !then.root().equals(now.root())) {
      return Optional.of(
          Verdict.invalid(
              LogFinding.FORK,
              "fork: the log signed two different trees of "
                  + now.size()
                  + " entries (roots "
                  + then.root().toBase64()
                  + " and "
                  + now.root().toBase64()
                  + ")",
              details));
    }
    return Optional.empty();
  }

  /** An RFC 9162 consistency proof from the older head, built from the verified tiles. */
  private static Optional<Verdict> proveConsistency(
      TileReader reader, TreeHead then, TreeHead now, Map<String, Object> details) {
    try {
      ConsistencyProof proof =
          ProofBuilder.consistency(
              new TileSubtreeSource(reader, now.size()), then.size(), now.size());
      ProofVerifier.verifyConsistency(proof, then.root(), now.root());
      details.put("consistencyProof", proof.path().stream().map(h -> h.toBase64()).toList());
      return Optional.empty();
    } catch (ProofException e) {
      return Optional.of(
          Verdict.invalid(
              LogFinding.FORK,
              "fork: the log's first "
                  + then.size()
                  + " entries are not those of the checkpoint given with --since ("
                  + e.getMessage()
                  + ")",
              details));
    } catch (SubtreeUnavailableException e) {
      return Optional.of(
          Verdict.invalid(
              LogFinding.TRUNCATED,
              "truncated: cannot build the consistency proof: " + e.getMessage(),
              details));
    }
  }

  private static Verdict failure(TilesException e, Map<String, Object> details) {
    e.file().ifPresent(f -> details.put("file", f));
    details.put("tilesReason", e.reason().name());
    return switch (e.reason()) {
      case MISSING, ENTRY_MISSING ->
          Verdict.invalid(LogFinding.TRUNCATED, "truncated: " + e.getMessage(), details);
      case ENTRY_CHANGED,
          ENTRIES_REORDERED,
          ENTRY_DUPLICATED,
          EXTRA_ENTRIES,
          TILE_MISMATCH,
          ROOT_MISMATCH,
          MALFORMED,
          TOO_LARGE,
          BAD_PATH,
          UNSAFE_PATH,
          CONFLICT ->
          Verdict.invalid(LogFinding.TAMPERED, "tampered: " + e.getMessage(), details);
      case IO_FAILED, LEDGER_FAILED ->
          throw CommandException.badInput("cannot read the log: " + e.getMessage(), e);
    };
  }

  private VerifiedCheckpoint older(Path file, List<NoteVerifier> verifiers) {
    byte[] note = InputFiles.read(file, UnverifiedNote.MAX_NOTE_BYTES, "checkpoint");
    try {
      return CheckpointVerifier.allOf(Optional.empty(), verifiers).verify(note);
    } catch (CheckpointException e) {
      if (e.reason() == CheckpointException.Reason.MALFORMED) {
        throw CommandException.badInput("--since " + file + ": " + e.getMessage(), e);
      }
      throw CommandException.no("--since " + file + ": " + e.getMessage());
    }
  }
}
