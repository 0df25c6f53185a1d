package io.coffer.examples.ml;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The hospital's ingest service: validates the dataset and copies it into the dataset volume.
 *
 * <p>{@code java -cp 'APP/lib/*' io.coffer.examples.ml.Ingest SRC_CSV DST_DIR} reads {@code
 * SRC_CSV} once, validates it strictly ({@link PatientCsv}), and writes exactly the bytes it
 * validated to {@code DST_DIR/dataset.csv} (replacing it whole or not at all). It prints only the
 * number of rows.
 *
 * <p>Exit codes: 0 copied; 1 the dataset was refused (the message names the line and column, never
 * a value); 2 usage or an I/O failure.
 */
public final class Ingest {

  private Ingest() {}

  /** {@code Ingest SRC_CSV DST_DIR}. */
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: Ingest SRC_CSV DST_DIR");
      System.exit(2);
    }
    System.exit(run(Path.of(args[0]), Path.of(args[1]), System.out, System.err));
  }

  /** Does the work of {@link #main}; returns the exit code. */
  static int run(Path source, Path destinationDir, PrintStream out, PrintStream err) {
    try {
      if (Files.size(source) > PatientCsv.MAX_FILE_BYTES) {
        err.println("ingest: refused: " + source + ": too large");
        return 1;
      }
      byte[] bytes = Files.readAllBytes(source);
      List<LabelledPatient> rows = PatientCsv.parseLabelled(source.toString(), bytes);
      Path temporary = Files.createTempFile(destinationDir, ".dataset", ".tmp");
      try {
        Files.write(temporary, bytes);
        Files.move(
            temporary,
            destinationDir.resolve(DatasetGenerator.FILE_NAME),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      out.println("ingested " + rows.size() + " rows");
      return 0;
    } catch (DatasetException e) {
      err.println("ingest: refused (" + e.reason() + "): " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("ingest: " + e);
      return 2;
    }
  }
}
