package io.coffer.cli.cas;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.identity.IdentityDirectory;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.IdentityKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --identity DIR}: the identity a command authenticates to the CAS with, as {@code coffer
 * identity create} wrote it ({@code key.pem} and {@code cert.pem}).
 */
public final class IdentityOption {

  @Option(
      names = "--identity",
      required = true,
      paramLabel = "DIR",
      description =
          "Your identity directory (key.pem and cert.pem, from 'coffer identity create').")
  private Path directory;

  /** The directory given. */
  public Path directory() {
    return directory;
  }

  /**
   * The identity's key and certificate.
   *
   * @throws CommandException unreadable input when a file is missing, malformed, or the certificate
   *     is not for the key
   */
  public ClientIdentity load() {
    IdentityDirectory dir = new IdentityDirectory(directory);
    IdentityKey key = dir.readKey();
    ClientCertificate certificate =
        dir.readCertificate()
            .orElseThrow(() ->
                CommandException.badInput(
                    directory.resolve("cert.pem")
                        + ": no such file (the CAS authenticates you by this certificate)",
                    null));
    try {
      return new ClientIdentity(key, certificate);
    } catch (IllegalArgumentException e) {
      throw CommandException.badInput(
          "--identity " + directory + ": cert.pem is not a certificate of key.pem", e);
    }
  }

  /** The key alone, to sign approvals with; never printed. */
  public IdentityKey key() {
    return new IdentityDirectory(directory).readKey();
  }
}
