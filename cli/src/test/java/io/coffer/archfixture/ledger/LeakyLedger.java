package io.coffer.archfixture.ledger;

import io.coffer.archfixture.cli.FixtureCommand;

/** A library class that reaches into the CLI: forbidden. */
public final class LeakyLedger {
  public String origin() {
    return FixtureCommand.name();
  }
}
