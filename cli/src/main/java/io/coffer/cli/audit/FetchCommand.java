package io.coffer.cli.audit;

import io.coffer.cas.identity.CasPin;
import io.coffer.cli.cas.CasContext;
import io.coffer.cli.cas.PinnedCasOption;
import io.coffer.cli.cas.RemoteCas;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.ledger.checkpoint.CheckpointException;
import io.coffer.ledger.checkpoint.CheckpointVerifier;
import io.coffer.ledger.checkpoint.VerifiedCheckpoint;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.ledger.tiles.BundleId;
import io.coffer.ledger.tiles.TileId;
import io.coffer.ledger.tiles.TileLayout;
import io.coffer.ledger.tiles.TileReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * {@code coffer audit fetch}: downloads a pinned CAS's log as a C2SP tlog-tiles directory ({@code
 * checkpoint}, {@code tile/...}, {@code tile/entries/...}) plus {@code vkey}, the pinned ledger
 * verifier key, and verifies it exactly as {@code coffer audit verify} does against that key.
 *
 * <p>The checkpoint is checked against the pinned key before anything is written; everything is
 * written to a temporary directory next to {@code --out} and renamed to it only once the whole
 * directory verified, so {@code --out} holds a verified log or nothing.
 */
@Command(
    name = "fetch",
    mixinStandardHelpOptions = true,
    description = {
      "Download a pinned CAS's audit log into a new directory as C2SP tlog-tiles (checkpoint,"
          + " hash tiles, entry bundles) with the pinned ledger key in DIR/vkey, and verify it as"
          + " 'coffer audit verify' does against that key. The directory appears only once it"
          + " verified.",
      "Exit 0 when fetched and verified; 1 when the checkpoint is not signed by the pinned key or"
          + " the log does not verify (nothing is left behind); 2 for a usage error; 69 when the"
          + " CAS is unavailable."
    })
final class FetchCommand implements Callable<Integer> {

  /** The name of the verifier key file. */
  static final String VKEY = "vkey";

  private final CasContext context;

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Mixin private PinnedCasOption cas;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The directory to create (it must not exist).")
  private Path out;

  FetchCommand() {
    this(CasContext.system());
  }

  FetchCommand(CasContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      throw CommandException.usage("--out " + out + ": exists already; give a new directory");
    }
    try (RemoteCas remote = RemoteCas.connect(context, cas.name(), Optional.empty())) {
      return fetch(remote);
    }
  }

  private Integer fetch(RemoteCas remote) {
    CasPin pin = remote.pin();
    NoteVerifier key = pinnedKey(pin);
    byte[] note = remote.call(c -> c.checkpoint());
    VerifiedCheckpoint checkpoint = verifiedCheckpoint(pin, key, note);
    Path target = out.toAbsolutePath().normalize();
    Path staging = stage(target);
    boolean moved = false;
    try {
      write(staging.resolve(TileReader.CHECKPOINT), note);
      write(
          staging.resolve(VKEY), (pin.ledgerVerifierKey() + "\n").getBytes(StandardCharsets.UTF_8));
      long size = checkpoint.treeHead().size();
      for (TileId tile : TileLayout.newTiles(0, size)) {
        download(remote, staging, tile.path());
        if (tile.level() == 0) {
          download(remote, staging, new BundleId(tile.index(), tile.width()).path());
        }
      }
      Verdict verdict =
          VerifyLogCommand.verify(
              staging, Optional.of(checkpoint.origin()), List.of(key), Optional.empty());
      if (!verdict.valid()) {
        throw CommandException.no(
            "the log fetched from " + pin.name() + " does not verify: " + verdict.message());
      }
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      moved = true;
      return report(pin, target, verdict);
    } catch (IOException e) {
      throw CommandException.badInput("--out " + out + ": cannot write: " + e.getMessage(), e);
    } finally {
      if (!moved) {
        deleteTree(staging);
      }
    }
  }

  private static NoteVerifier pinnedKey(CasPin pin) {
    try {
      return NoteVerifier.parse(pin.ledgerVerifierKey());
    } catch (NoteException e) {
      throw CommandException.badInput("the pin's ledger key: " + e.getMessage(), e);
    }
  }

  /** The CAS's checkpoint, signed by the pinned ledger key; nothing is written otherwise. */
  private static VerifiedCheckpoint verifiedCheckpoint(CasPin pin, NoteVerifier key, byte[] note) {
    try {
      return CheckpointVerifier.allOf(Optional.empty(), List.of(key)).verify(note);
    } catch (CheckpointException e) {
      throw CommandException.no(
          "the checkpoint of "
              + pin.name()
              + " is not signed by its pinned ledger key "
              + pin.ledgerVerifierKey()
              + ": "
              + e.reason()
              + ": "
              + e.getMessage()
              + "; nothing was written",
          e);
    }
  }

  /** A new, empty directory next to {@code target}, on the same file system for the rename. */
  private static Path stage(Path target) {
    Path parent = target.getParent();
    if (parent == null) {
      throw CommandException.usage("--out " + target + ": not a directory one can create");
    }
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "." + target.getFileName() + ".fetch-");
    } catch (IOException e) {
      throw CommandException.badInput("--out " + target + ": cannot create: " + e.getMessage(), e);
    }
  }

  private static void download(RemoteCas remote, Path staging, String path) throws IOException {
    byte[] bytes =
        remote
            .call(c -> c.tile(path))
            .orElseThrow(() ->
                CommandException.no(
                    "the CAS "
                        + remote.pin().name()
                        + " has no "
                        + path
                        + ", which its own checkpoint covers; nothing was written"));
    write(staging.resolve(path), bytes);
  }

  private static void write(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
  }

  private int report(CasPin pin, Path target, Verdict verdict) {
    PrintWriter printer = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> d = new LinkedHashMap<>(verdict.details());
      d.put("valid", true);
      d.put("cas", pin.name());
      d.put("log", target.toString());
      d.put("vkey", pin.ledgerVerifierKey());
      d.put("message", verdict.message());
      JsonOutput.write(printer, d);
    } else {
      printer.println("fetched the log of " + pin.name() + " into " + target);
      printer.println(verdict.message());
      printer.flush();
    }
    return ExitCode.OK;
  }

  private static void deleteTree(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
              Files.delete(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException ignored) {
      // Best effort: a stray hidden temporary directory is harmless, and the error that led here
      // is the one to report.
    }
  }
}
