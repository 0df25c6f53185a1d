package io.coffer.cli.audit;

import io.coffer.cas.events.EventType;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.tiles.TileReader;
import io.coffer.ledger.tiles.TilesException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code coffer audit events}: the events of a log directory, once it verified exactly as {@code
 * coffer audit verify} verifies it, one line each (or a JSON array), optionally of some types only.
 *
 * <p>Security guarantees: nothing is listed from a log that does not verify; the events listed are
 * the entries that hash to the root of a checkpoint signed by the key given (or DIR/vkey, the key
 * {@code coffer audit fetch} pinned), read once more for that check. Text from the log is printed
 * without control characters.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "List the events of a log directory (as 'coffer audit fetch --out DIR' writes it), one per"
          + " line: index, type, time and the members that tell what happened (policy, service,"
          + " who, reason, secret names). The log is verified first, as 'coffer audit verify'"
          + " does, against --key or, without it, DIR/vkey.",
      "Exit 0 with the events; 1 when the log does not verify or an entry is not a CAS event; 2"
          + " for a usage error or unreadable input."
    })
final class EventsCommand implements Callable<Integer> {

  /** The largest vkey file: a vkey is a line of about a hundred characters. */
  private static final int MAX_VKEY_BYTES = 4096;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private KeyOptions keys;

  @Option(
      names = "--log",
      required = true,
      paramLabel = "DIR",
      description = "The tiles directory, as 'coffer audit fetch' wrote it.")
  private Path log;

  @Option(
      names = "--type",
      paramLabel = "T",
      description = "Only events of this type (repeatable): ${COMPLETION-CANDIDATES}.",
      completionCandidates = TypeCodes.class)
  private List<String> types = new ArrayList<>();

  @Override
  public Integer call() {
    Set<String> wanted = wantedTypes();
    if (!Files.isDirectory(log)) {
      throw CommandException.usage("--log " + log + ": not a directory");
    }
    List<NoteVerifier> verifiers = keys.given() ? keys.verifiers() : List.of(storedKey());
    Verdict verdict = VerifyLogCommand.verify(log, Optional.empty(), verifiers, Optional.empty());
    if (!verdict.valid()) {
      throw CommandException.no("the log does not verify: " + verdict.message());
    }
    List<EventLine> events =
        read(verifiers).stream()
            .filter(e -> wanted.isEmpty() || wanted.contains(e.type()))
            .toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.write(out, events.stream().map(EventLine::document).toList());
    } else {
      events.forEach(e -> out.println(e.line()));
      out.flush();
    }
    return ExitCode.OK;
  }

  private Set<String> wantedTypes() {
    for (String t : types) {
      if (EventType.ofCode(t).isEmpty()) {
        throw CommandException.usage(
            "--type " + t + ": not an event type; one of " + String.join(", ", new TypeCodes()));
      }
    }
    return Set.copyOf(types);
  }

  /** DIR/vkey, the pinned key that {@code coffer audit fetch} stores with the log. */
  private NoteVerifier storedKey() {
    Path file = log.resolve(FetchCommand.VKEY);
    if (!Files.isRegularFile(file)) {
      throw CommandException.usage(
          "--log " + log + ": no " + FetchCommand.VKEY + " file; give the log's key with --key");
    }
    String vkey = new String(InputFiles.read(file, MAX_VKEY_BYTES, "vkey"), StandardCharsets.UTF_8);
    try {
      return NoteVerifier.parse(vkey.strip());
    } catch (NoteException e) {
      throw CommandException.badInput(file + ": " + e.getMessage(), e);
    }
  }

  /** The events of the checkpoint as it is now, checked against its root once more. */
  private List<EventLine> read(List<NoteVerifier> verifiers) {
    try {
      TileReader reader = TileReader.open(log);
      VerifiedCheckpoint checkpoint =
          CheckpointVerifier.allOf(Optional.empty(), verifiers).verify(reader.checkpoint());
      return LogEvents.read(reader, checkpoint.treeHead());
    } catch (TilesException e) {
      throw CommandException.no("the log: " + e.getMessage(), e);
    } catch (CheckpointException e) {
      throw CommandException.no("the log's checkpoint: " + e.getMessage(), e);
    }
  }

  /** The event type codes, for help and errors. */
  static final class TypeCodes extends ArrayList<String> {

    private static final long serialVersionUID = 1L;

    TypeCodes() {
      super(Arrays.stream(EventType.values()).map(EventType::code).collect(Collectors.toList()));
    }
  }
}
