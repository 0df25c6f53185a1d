package io.coffer.cli.policy;

import io.coffer.cli.command.CommandException;
import io.coffer.policy.PolicyException;
import io.coffer.policy.Problem;
import io.coffer.policy.model.Policy;
import io.coffer.policy.parse.PolicyParser;
import io.coffer.policy.yaml.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Policy files: read within bounds, parsed, with every problem kept for the report. */
final class PolicyFile {

  private PolicyFile() {}

  /** A file's outcome: the policy, or every problem. */
  record Outcome(Path file, Policy policy, List<Problem> problems) {
    boolean valid() {
      return policy != null;
    }
  }

  /**
   * Reads and parses {@code file}.
   *
   * @throws CommandException (exit 2) when the file cannot be read
   */
  static Outcome read(Path file) {
    return parse(file, bytes(file));
  }

  /**
   * The bytes of {@code file}, at most one byte more than any policy.
   *
   * @throws CommandException (exit 2) when the file cannot be read
   */
  static byte[] bytes(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      // UTF-8 is at most 4 bytes per character.
      return in.readNBytes(StrictYaml.MAX_CHARS * 4 + 1);
    } catch (IOException e) {
      throw CommandException.badInput(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses {@code bytes} read from {@code file}. */
  static Outcome parse(Path file, byte[] bytes) {
    if (bytes.length > StrictYaml.MAX_CHARS * 4) {
      return new Outcome(
          file, null, List.of(new Problem(file.toString(), 0, 0, "", "larger than any policy")));
    }
    try {
      return new Outcome(file, PolicyParser.parse(file.toString(), bytes), List.of());
    } catch (PolicyException e) {
      return new Outcome(file, null, e.problems());
    }
  }

  /**
   * The policy in {@code file}.
   *
   * @throws CommandException exit 1 naming the problems when it is not valid, 2 when unreadable
   */
  static Policy valid(Path file, java.io.PrintWriter out) {
    return valid(read(file), out);
  }

  /**
   * The bytes of {@code file}, once they parse as a valid policy: what is sent to a CAS, checked
   * here first so that every problem is shown with its line and column.
   *
   * @throws CommandException exit 1 naming the problems when it is not valid, 2 when unreadable
   */
  static byte[] validBytes(Path file, java.io.PrintWriter out) {
    byte[] bytes = bytes(file);
    valid(parse(file, bytes), out);
    return bytes;
  }

  private static Policy valid(Outcome o, java.io.PrintWriter out) {
    Path file = o.file();
    if (!o.valid()) {
      for (Problem p : o.problems()) {
        out.println(p);
      }
      out.flush();
      throw CommandException.no(
          file
              + ": not a valid policy ("
              + o.problems().size()
              + " problem"
              + (o.problems().size() == 1 ? "" : "s")
              + ")");
    }
    return o.policy();
  }
}
