package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The verifier keys of a log, given as C2SP vkeys ({@code --key}) or as PEM public keys with a key
 * name ({@code --key-pem FILE --key-name NAME}), each repeatable.
 */
final class KeyOptions {

  /** PEM files are a few hundred bytes; anything far larger is not a public key. */
  private static final long MAX_PEM_BYTES = 64 * 1024;

  @Option(
      names = "--key",
      paramLabel = "VKEY",
      description = "A verifier key <name>+<hex key id>+<base64 type||key> (repeatable).")
  private List<String> vkeys = new ArrayList<>();

  @ArgGroup(exclusive = false, multiplicity = "0..*")
  private List<PemKey> pemKeys = new ArrayList<>();

  static final class PemKey {
    @Option(
        names = "--key-pem",
        required = true,
        paramLabel = "FILE",
        description = "An Ed25519 or ECDSA P-256 public key in PEM (repeatable, with --key-name).")
    Path file;

    @Option(
        names = "--key-name",
        required = true,
        paramLabel = "NAME",
        description = "The key name the note's signature line carries for that PEM key.")
    String name;
  }

  /** Whether any key was given. */
  boolean given() {
    return !vkeys.isEmpty() || !pemKeys.isEmpty();
  }

  /**
   * The verifiers the options name; at least one.
   *
   * @throws CommandException a usage error for a malformed key or an unreadable PEM file
   */
  List<NoteVerifier> verifiers() {
    List<NoteVerifier> out = new ArrayList<>();
    for (String vkey : vkeys) {
      try {
        out.add(NoteVerifier.parse(vkey));
      } catch (NoteException e) {
        throw CommandException.usage("--key " + vkey + ": " + e.getMessage());
      }
    }
    for (PemKey pem : pemKeys) {
      String text = readPem(pem.file);
      try {
        out.add(NoteVerifier.fromPem(pem.name, text));
      } catch (NoteException e) {
        throw CommandException.usage("--key-pem " + pem.file + ": " + e.getMessage());
      }
    }
    if (out.isEmpty()) {
      throw CommandException.usage(
          "give the log's key with --key VKEY or --key-pem FILE --key-name NAME");
    }
    return out;
  }

  private static String readPem(Path file) {
    try {
      if (Files.size(file) > MAX_PEM_BYTES) {
        throw CommandException.usage(file + ": too large for a PEM public key");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read the key: " + e.getMessage(), e);
    }
  }
}
