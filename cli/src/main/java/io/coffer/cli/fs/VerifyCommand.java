package io.coffer.cli.fs;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.ShieldedTree;
import io.coffer.fsshield.TreeEntry;
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

/** {@code coffer fs verify SRC --key FILE --tag TAG}: checks a protected tree without unsealing. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check the protected tree SRC against its key and the expected tag: the manifest, and every"
          + " stored file byte for byte. Nothing is written.",
      "Exit 0 when it verifies; 1 when it is refused (reason code and path: tag-mismatch for"
          + " another or an older tree, wrong-key, file-modified, file-truncated, file-extended,"
          + " file-missing, file-added); 2 when the key file or the tag cannot be used."
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(index = "0", paramLabel = "SRC", description = "The protected tree.")
  private Path source;

  @picocli.CommandLine.ArgGroup(exclusive = false, multiplicity = "1")
  private TreeOptions tree;

  @Override
  public Integer call() {
    ShieldedTree t = tree.open(source);
    try {
      t.verify(ProgressBar.on(spec.commandLine().getErr(), "verifying"));
    } catch (FsShieldException e) {
      throw Refusals.of(e);
    }
    long files = 0;
    long bytes = 0;
    for (TreeEntry e : t.entries()) {
      if (e.type() == TreeEntry.Type.FILE) {
        files++;
        bytes += e.size();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("verified", true);
      o.put("tag", t.tag().hex());
      o.put("mode", t.mode().cliName());
      o.put("files", files);
      o.put("bytes", bytes);
      JsonOutput.write(out, o);
    } else {
      out.println("verified: " + files + " files, " + bytes + " bytes, tag " + t.tag().hex());
      out.flush();
    }
    return ExitCode.OK;
  }
}
