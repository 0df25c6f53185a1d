package io.coffer.cli.identity;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coffer identity show}: the identity string of an identity directory's key. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Print the identity string of the key in DIR/key.pem, derived from the key itself. When"
          + " DIR/identity.txt or DIR/cert.pem is present, it must belong to the same key.",
      "Exit 0 with the identity; 2 when the key cannot be read or a file disagrees with it."
    })
final class ShowIdentityCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Parameters(index = "0", paramLabel = "DIR", description = "The identity directory.")
  private Path dir;

  @Override
  public Integer call() {
    IdentityDirectory files = new IdentityDirectory(dir);
    IdentityKey key = files.readKey();
    Identity identity = key.identity();
    Optional<Identity> recorded = files.readRecordedIdentity();
    if (recorded.isPresent() && !recorded.get().equals(identity)) {
      throw CommandException.badInput(
          files.identityFile()
              + " names "
              + recorded.get().shortForm()
              + ", but "
              + files.keyFile()
              + " is the key of "
              + identity.shortForm(),
          null);
    }
    Optional<ClientCertificate> certificate = files.readCertificate();
    if (certificate.isPresent()) {
      checkCertificate(files, certificate.get(), identity);
    }

    PrintWriter stdout = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("identity", identity.toString());
      certificate.ifPresent(c -> result.put("certificateSha256Identity", c.identity().toString()));
      result.put("dir", dir.toString());
      JsonOutput.write(stdout, result);
    } else {
      stdout.println(identity);
      stdout.flush();
    }
    return ExitCode.OK;
  }

  private static void checkCertificate(
      IdentityDirectory files, ClientCertificate certificate, Identity identity) {
    String keyOfCertificate;
    try {
      Identity k = certificate.keyIdentity();
      if (k.equals(identity)) {
        return;
      }
      keyOfCertificate = k.shortForm();
    } catch (GovernanceException e) {
      keyOfCertificate = "another key (" + e.getMessage() + ")";
    }
    throw CommandException.badInput(
        files.certificateFile()
            + " certifies "
            + keyOfCertificate
            + ", but "
            + files.keyFile()
            + " is the key of "
            + identity.shortForm(),
        null);
  }
}
