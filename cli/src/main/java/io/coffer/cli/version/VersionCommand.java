package io.coffer.cli.version;

import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coffer version}: the Coffer and Java versions, as text or JSON. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Print the Coffer version and the Java runtime it runs on.")
public final class VersionCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Override
  public Integer call() {
    VersionInfo info = VersionInfo.current();
    PrintWriter out = spec.commandLine().getOut();
    if (json.enabled()) {
      JsonOutput.write(out, info);
    } else {
      for (String line : info.lines()) {
        out.println(line);
      }
      out.flush();
    }
    return ExitCode.OK;
  }
}
