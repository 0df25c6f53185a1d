package io.coffer.cli.identity;

import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.command.JsonOption;
import io.coffer.cli.command.JsonOutput;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.IdentityKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coffer identity create}: a new key, its identity string and a client certificate. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a signing identity in DIR: key.pem (the private key, PKCS#8 PEM, mode 0600),"
          + " identity.txt (the identity string for policies) and cert.pem (a self-signed X.509"
          + " client certificate for mTLS, valid for 365 days). Prints the identity string; never"
          + " the private key.",
      "Exit 0 when created; 2 when DIR already holds an identity (nothing is overwritten) or"
          + " cannot be written; 69 on a file system without POSIX permissions."
    })
final class CreateIdentityCommand implements Callable<Integer> {

  /** How long the client certificate is valid. */
  static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);

  /** How far the certificate's start is backdated, for clocks running a little behind. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7e]{1,64}");

  @Spec private CommandSpec spec;

  @Mixin private JsonOption json;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "The directory to create the identity in (created with mode 0700 if absent).")
  private Path out;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "The certificate's common name: 1 to 64 printable ASCII characters (default: the"
              + " identity's fingerprint).")
  private String name;

  @Option(
      names = "--type",
      paramLabel = "ed25519|p256",
      converter = KeyTypeChoice.Converter.class,
      description = "The key type (default: ed25519).")
  private KeyTypeChoice type = KeyTypeChoice.ED25519;

  @Override
  public Integer call() {
    if (name != null && !PRINTABLE.matcher(name).matches()) {
      throw CommandException.usage("--name: 1 to 64 printable ASCII characters");
    }
    IdentityKey key = IdentityKey.generate(type.type());
    String commonName = name != null ? name : key.identity().fingerprint();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ClientCertificate certificate =
        ClientCertificate.selfSigned(
            key, commonName, now.minus(CLOCK_SKEW), CERTIFICATE_VALIDITY.plus(CLOCK_SKEW));
    new IdentityDirectory(out).create(key, certificate);

    PrintWriter stdout = spec.commandLine().getOut();
    if (json.enabled()) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("identity", key.identity().toString());
      result.put("certificateSha256Identity", certificate.identity().toString());
      result.put("dir", out.toString());
      JsonOutput.write(stdout, result);
    } else {
      stdout.println(key.identity());
      stdout.flush();
    }
    return ExitCode.OK;
  }
}
