package io.coffer.cli.cas;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.cli.command.CommandException;
import java.net.URI;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * {@code --cas NAME | --cas-url URL --cas-fingerprint HEX}: the CAS a workload talks to, pinned
 * either by a stored pin ({@code coffer cas attest}) or by the SHA-256 fingerprint of its TLS key
 * given on the command line (what {@code coffer cas serve} prints), for a workload's image that has
 * no Coffer home. Either way no other server is ever sent anything.
 */
public final class CasTargetOptions {

  @Option(
      names = "--cas",
      paramLabel = "NAME",
      description = "The CAS, by the name 'coffer cas attest --name' pinned it as.")
  private String name;

  @ArgGroup(exclusive = false)
  private Address address;

  static final class Address {
    @Option(
        names = "--cas-url",
        required = true,
        paramLabel = "URL",
        description = "The CAS's address, https://HOST[:PORT] (with --cas-fingerprint).")
    URI url;

    @Option(
        names = "--cas-fingerprint",
        required = true,
        paramLabel = "HEX",
        description =
            "The SHA-256 of the CAS's TLS key (64 hex characters, optionally 'sha256:'), as"
                + " 'coffer cas serve' prints it.")
    String fingerprint;
  }

  /**
   * Connects to the CAS given, authenticating as {@code identity} when given.
   *
   * @throws CommandException a usage error when neither or both forms are given, or a fingerprint
   *     is not 64 hex characters
   */
  public RemoteCas connect(CasContext context, Optional<ClientIdentity> identity) {
    if ((name == null) == (address == null)) {
      throw CommandException.usage("give either --cas NAME or --cas-url URL --cas-fingerprint HEX");
    }
    if (name != null) {
      return RemoteCas.connect(context, name, identity);
    }
    return RemoteCas.fingerprinted(address.url, fingerprint(address.fingerprint), identity);
  }

  /** What the CAS is called in messages. */
  public String label() {
    return name != null ? name : address.url.toString();
  }

  static byte[] fingerprint(String text) {
    String hex = text.toLowerCase(Locale.ROOT);
    if (hex.startsWith("sha256:")) {
      hex = hex.substring("sha256:".length());
    }
    if (hex.length() != 64
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw CommandException.usage(
          "--cas-fingerprint: the SHA-256 of the CAS's TLS key is 64 hex characters");
    }
    return HexFormat.of().parseHex(hex);
  }
}
