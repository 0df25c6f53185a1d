package io.coffer.cli.command;

import picocli.CommandLine.Option;

/** The {@code --json} switch, mixed into every command that has structured output. */
public final class JsonOption {

  @Option(
      names = "--json",
      description = "Print the result as one JSON document on standard output.")
  private boolean json;

  /** Whether the user asked for JSON output. */
  public boolean enabled() {
    return json;
  }
}
