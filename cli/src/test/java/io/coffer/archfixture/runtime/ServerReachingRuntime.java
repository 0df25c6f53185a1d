package io.coffer.archfixture.runtime;

import io.coffer.archfixture.cli.FixtureCommand;

/**
 * A runtime class that reaches into the CLI: forbidden (the CLI wires the runtime, not the
 * reverse).
 */
public final class ServerReachingRuntime {
  public String command() {
    return FixtureCommand.name();
  }
}
