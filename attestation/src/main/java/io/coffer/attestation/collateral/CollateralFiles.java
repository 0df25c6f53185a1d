package io.coffer.attestation.collateral;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Loads collateral from files and directories (every regular file below a directory, in name
 * order), recognising each file's role by its content ({@link CollateralParser}).
 */
public final class CollateralFiles {

  /** The most files read below one directory. */
  public static final int MAX_FILES = 1000;

  private CollateralFiles() {}

  /**
   * The collateral in {@code paths}.
   *
   * @throws AttestationException {@code COLLATERAL_MALFORMED} naming the first file that is not
   *     collateral or cannot be read
   */
  public static Collateral load(List<Path> paths) throws AttestationException {
    Collateral out = Collateral.empty();
    for (Path path : paths) {
      for (Path file : files(path)) {
        out = out.plus(CollateralParser.parse(file.toString(), read(file)));
      }
    }
    return out;
  }

  private static List<Path> files(Path path) throws AttestationException {
    if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      return List.of(path);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      List<Path> files =
          new ArrayList<>(
              walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                  .filter(p -> !p.getFileName().toString().startsWith("."))
                  .sorted()
                  .limit(MAX_FILES + 1L)
                  .toList());
      if (files.size() > MAX_FILES) {
        throw new AttestationException(
            Reason.COLLATERAL_MALFORMED, path + ": more than " + MAX_FILES + " files");
      }
      return files;
    } catch (IOException e) {
      throw new AttestationException(
          Reason.COLLATERAL_MALFORMED, path + ": cannot list the directory: " + e.getMessage(), e);
    }
  }

  private static byte[] read(Path file) throws AttestationException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(CollateralParser.MAX_FILE_BYTES + 1);
      if (bytes.length > CollateralParser.MAX_FILE_BYTES) {
        throw new AttestationException(
            Reason.COLLATERAL_MALFORMED, file + ": larger than any collateral");
      }
      return bytes;
    } catch (IOException e) {
      throw new AttestationException(
          Reason.COLLATERAL_MALFORMED, file + ": cannot read: " + e.getMessage(), e);
    }
  }
}
