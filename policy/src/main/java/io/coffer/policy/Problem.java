package io.coffer.policy;

import java.util.Objects;

/**
 * One thing wrong with a policy, where it is: printed as {@code file:line:column: path: message}.
 *
 * @param file the policy's file name, as the user gave it
 * @param line the 1-based line, 0 when the problem has no position (the whole document)
 * @param column the 1-based column, 0 when the problem has no position
 * @param path the field's path in the policy ({@code services[0].identity}), empty for the document
 * @param message what is wrong, for people
 */
public record Problem(String file, int line, int column, String path, String message) {

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("positions are 1-based, or 0 for none");
    }
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
