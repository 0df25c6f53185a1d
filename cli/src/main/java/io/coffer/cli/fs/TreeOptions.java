package io.coffer.cli.fs;

import io.coffer.cli.command.CommandException;
import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.FsShieldException;
import io.coffer.fsshield.ShieldedTree;
import io.coffer.fsshield.Tag;
import io.coffer.fsshield.TreeKey;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --key FILE --tag TAG}: what opens a protected tree. */
final class TreeOptions {

  @Option(
      names = "--key",
      required = true,
      paramLabel = "FILE",
      description = "The tree's key file (the base64 of 32 bytes).")
  Path key;

  @Option(
      names = "--tag",
      required = true,
      paramLabel = "TAG",
      description =
          "The tag the tree must have (64 hex characters), from where it cannot be rolled back.")
  String tag;

  /** Opens the tree: checks its tag, key and stored objects. */
  ShieldedTree open(Path tree) {
    Tag expected;
    try {
      expected = Tag.parse(tag);
    } catch (IllegalArgumentException e) {
      throw CommandException.usage("--tag: " + e.getMessage());
    }
    try {
      return FsShield.open(tree, TreeKey.read(key), expected);
    } catch (FsShieldException e) {
      throw Refusals.of(e);
    }
  }
}
