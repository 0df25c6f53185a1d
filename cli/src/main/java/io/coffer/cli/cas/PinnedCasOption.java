package io.coffer.cli.cas;

import picocli.CommandLine.Option;

/** {@code --cas NAME}: the pinned CAS a command talks to. */
public final class PinnedCasOption {

  @Option(
      names = "--cas",
      required = true,
      paramLabel = "NAME",
      description = "The CAS, by the name 'coffer cas attest --name' pinned it as.")
  private String name;

  /** The name given. */
  public String name() {
    return name;
  }
}
