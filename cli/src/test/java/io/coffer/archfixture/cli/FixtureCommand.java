package io.coffer.archfixture.cli;

/** Stands for an application class that libraries must not see. */
public final class FixtureCommand {
  public static String name() {
    return "fixture";
  }
}
