package io.coffer.cli.fs;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.Mode;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.SealResult;
import io.coffer.fsshield.TreeKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer fs seal SRC DST}: seals a directory tree and prints its tag. */
@Command(
    name = "seal",
    mixinStandardHelpOptions = true,
    description = {
      "Seal the directory tree SRC into the protected tree DST (which must not exist, or be an"
          + " empty directory) and print its tag. Each file is encrypted (or, with --mode"
          + " authenticated, stored as it is) and authenticated; paths, sizes and modes are in an"
          + " encrypted manifest whose SHA-256 is the tag. Symbolic links are recorded, never"
          + " followed; devices, sockets and pipes are refused.",
      "The key is new (--key-out FILE, written readable by its owner only, never replacing a"
          + " file) or given (--key FILE, e.g. a binary secret of size 32 revealed by the CAS, in"
          + " base64). Keep the tag where it cannot be rolled back: in the service's policy"
          + " (fs_shield.tag).",
      "Exit 0 with the tag; 2 when SRC cannot be sealed (naming the path) or a key file cannot"
          + " be used."
    })
final class SealCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(index = "0", paramLabel = "SRC", description = "The directory tree to seal.")
  private Path source;

  @Parameters(index = "1", paramLabel = "DST", description = "Where to write the protected tree.")
  private Path destination;

  @ArgGroup(multiplicity = "1")
  private KeyChoice key;

  static final class KeyChoice {
    @Option(
        names = "--key-out",
        paramLabel = "FILE",
        description = "Make a new random key and write it to FILE (which must not exist).")
    Path keyOut;

    @Option(
        names = "--key",
        paramLabel = "FILE",
        description = "Seal with the key in FILE (the base64 of 32 bytes).")
    Path keyIn;
  }

  @Option(
      names = "--mode",
      paramLabel = "MODE",
      defaultValue = "encrypted",
      description =
          "encrypted (default) or authenticated (files stored as they are, integrity only).")
  private String mode;

  @Option(
      names = "--segment-size",
      paramLabel = "BYTES",
      description =
          "Segment size in bytes, 4096 to 8388608 (default ${DEFAULT-VALUE}; see"
              + " docs/benchmarks.md).",
      defaultValue = "" + SealOptions.DEFAULT_SEGMENT_BYTES)
  private int segmentSize;

  @Override
  public Integer call() {
    Mode m;
    SealOptions options;
    try {
      m = Mode.fromCliName(mode);
      options =
          SealOptions.defaults()
              .withMode(m)
              .withSegmentSize(segmentSize)
              .withProgress(ProgressBar.on(spec.commandLine().getErr(), "sealing"));
    } catch (IllegalArgumentException e) {
      throw CommandException.usage(e.getMessage());
    }
    SealResult r;
    try {
      TreeKey k;
      if (key.keyIn != null) {
        k = TreeKey.read(key.keyIn);
      } else {
        k = TreeKey.generate();
        k.write(key.keyOut);
      }
      r = FsShield.seal(source, destination, k, options);
    } catch (FsShieldException e) {
      throw Refusals.of(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("tag", r.tag().hex());
      o.put("mode", m.cliName());
      o.put("files", r.files());
      o.put("directories", r.directories());
      o.put("symlinks", r.symlinks());
      o.put("bytes", r.bytes());
      JsonOutput.write(out, o);
    } else {
      out.println(r.tag().hex());
      out.flush();
    }
    return ExitCode.OK;
  }
}
