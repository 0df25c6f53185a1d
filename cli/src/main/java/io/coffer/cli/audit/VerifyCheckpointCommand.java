package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.JsonOption;
import io.coffer.ledger.checkpoint.Checkpoint;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.note.UnverifiedNote;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer audit verify-checkpoint}: checks a C2SP signed checkpoint. */
@Command(
    name = "verify-checkpoint",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a C2SP checkpoint: a well-formed signed note whose text is a tlog-checkpoint, signed"
          + " by every key given. Signatures by other keys are ignored.",
      "Exit 0 when it holds, 1 for a missing or bad signature (or another origin than"
          + " --origin), 2 for a malformed note."
    })
final class VerifyCheckpointCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private KeyOptions keys;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The signed checkpoint ('-' reads stdin).")
  private Path file;

  @Option(names = "--origin", description = "The origin the checkpoint must have.")
  private String origin;

  @Override
  public Integer call() {
    List<NoteVerifier> verifiers = keys.verifiers();
    byte[] note = InputFiles.read(file, UnverifiedNote.MAX_NOTE_BYTES, "signed note");
    CheckpointVerifier verifier = CheckpointVerifier.allOf(Optional.ofNullable(origin), verifiers);
    Verdict verdict;
    try {
      VerifiedCheckpoint verified = verifier.verify(note);
      Checkpoint c = verified.checkpoint();
      Map<String, Object> details = describe(c);
      details.put(
          "signedBy",
          verified.note().verifiedSignatures().stream().map(s -> s.verifier().toString()).toList());
      verdict =
          Verdict.valid(
              "origin "
                  + c.origin()
                  + "\nsize "
                  + c.size()
                  + "\nroot "
                  + c.root().toBase64()
                  + "\nsigned by "
                  + String.join(", ", names(verifiers)),
              details);
    } catch (CheckpointException e) {
      verdict = rejected(e, verifiers);
    }
    return verdict.report(spec.commandLine().getOut(), json.enabled());
  }

  private static List<String> names(List<NoteVerifier> verifiers) {
    return verifiers.stream().map(NoteVerifier::toString).toList();
  }

  private Verdict rejected(CheckpointException e, List<NoteVerifier> verifiers) {
    return switch (e.reason()) {
      case MALFORMED -> throw CommandException.badInput(file + ": " + e.getMessage(), e);
      case SIGNATURE -> {
        NoteException.Reason reason =
            e.getCause() instanceof NoteException n
                ? n.reason()
                : NoteException.Reason.INVALID_SIGNATURE;
        String message =
            reason == NoteException.Reason.NO_VERIFIED_SIGNATURE
                ? file + ": not signed by " + String.join(", ", names(verifiers))
                : file + ": " + e.getMessage();
        yield Verdict.invalid(reason, message, new LinkedHashMap<>());
      }
      case UNEXPECTED_ORIGIN ->
          Verdict.invalid(e.reason(), file + ": " + e.getMessage(), new LinkedHashMap<>());
    };
  }

  static Map<String, Object> describe(Checkpoint c) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("origin", c.origin());
    details.put("size", c.size());
    details.put("root", c.root().toBase64());
    if (!c.extensions().isEmpty()) {
      details.put("extensions", c.extensions());
    }
    return details;
  }
}
