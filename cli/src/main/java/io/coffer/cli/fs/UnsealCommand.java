package io.coffer.cli.fs;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.ShieldedTree;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer fs unseal SRC DST --key FILE --tag TAG}: writes a protected tree's plaintext. */
@Command(
    name = "unseal",
    mixinStandardHelpOptions = true,
    description = {
      "Check the protected tree SRC against its key and the expected tag and write its plaintext"
          + " into DST (which must not exist, or be an empty directory), each file only once it"
          + " authenticated. On any refusal everything written is removed. Unseal only into memory"
          + " the TEE protects (e.g. a tmpfs in a confidential VM): the plaintext is not protected"
          + " once written.",
      "Exit 0 when unsealed; 1 when refused (reason code and path, as for verify); 2 when the key"
          + " file, the tag or DST cannot be used."
    })
final class UnsealCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(index = "0", paramLabel = "SRC", description = "The protected tree.")
  private Path source;

  @Parameters(index = "1", paramLabel = "DST", description = "Where to write the plaintext tree.")
  private Path destination;

  @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
  private TreeOptions tree;

  @Override
  public Integer call() {
    ShieldedTree t = tree.open(source);
    try {
      t.unsealTo(destination, ProgressBar.on(spec.commandLine().getErr(), "unsealing"));
    } catch (FsShieldException e) {
      throw Refusals.of(e);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("unsealed", true);
      o.put("tag", t.tag().hex());
      o.put("destination", destination.toString());
      o.put("entries", t.entries().size());
      JsonOutput.write(out, o);
    } else {
      out.println("unsealed " + t.entries().size() + " entries into " + destination);
      out.flush();
    }
    return ExitCode.OK;
  }
}
