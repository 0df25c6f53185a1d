package io.coffer.cli.audit;

import io.coffer.cli.command.CommandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bounded reads of the files audit commands take, with errors that name the file. */
final class InputFiles {

  private InputFiles() {}

  /**
   * The bytes of {@code file} ({@code -} for standard input), refusing more than {@code maxBytes}.
   */
  static byte[] read(Path file, int maxBytes, String what) {
    try (InputStream in = file.toString().equals("-") ? System.in : Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(maxBytes + 1);
      if (bytes.length > maxBytes) {
        throw CommandException.usage(
            file + ": larger than any " + what + " (" + maxBytes + " bytes)");
      }
      return bytes;
    } catch (IOException e) {
      throw CommandException.badInput(
          file + ": cannot read the " + what + ": " + e.getMessage(), e);
    }
  }
}
