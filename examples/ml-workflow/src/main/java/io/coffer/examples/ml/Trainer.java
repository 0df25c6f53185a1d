package io.coffer.examples.ml;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The vendor's training service.
 *
 * <p>{@code java -cp 'APP/lib/*' io.coffer.examples.ml.Trainer DATASET_CSV MODEL_DIR KEY_FILE
 * OUT_DIR}
 *
 * <ul>
 *   <li>reads and validates {@code DATASET_CSV} (the hospital's imported volume, mounted
 *       read-only);
 *   <li>trains and evaluates the classifier ({@link Training});
 *   <li>writes the model to {@code MODEL_DIR/}{@value ReadmissionModel#FILE_NAME} (the model
 *       owner's volume, mounted read-write);
 *   <li>writes the metrics, encrypted under the 32-byte key in {@code KEY_FILE} (base64, the
 *       hospital's {@code metrics-key}), to {@code OUT_DIR/}{@value #METRICS_FILE} ({@link
 *       MetricsEnvelope}): the operator sees only ciphertext there.
 * </ul>
 *
 * It prints only "trained on N rows; model written": no metric, no data. Tribuo's progress log is
 * silenced.
 *
 * <p>Exit codes: 0 done; 1 the dataset or key was refused; 2 usage or an I/O failure.
 */
public final class Trainer {

  /** The file name of the encrypted metrics in OUT_DIR. */
  public static final String METRICS_FILE = "metrics.enc.json";

  // Held so that the level set on it is not lost when the logger is collected.
  private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

  private Trainer() {}

  /** {@code Trainer DATASET_CSV MODEL_DIR KEY_FILE OUT_DIR}. */
  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: Trainer DATASET_CSV MODEL_DIR KEY_FILE OUT_DIR");
      System.exit(2);
    }
    System.exit(
        run(
            Path.of(args[0]),
            Path.of(args[1]),
            Path.of(args[2]),
            Path.of(args[3]),
            System.out,
            System.err));
  }

  /** Does the work of {@link #main}; returns the exit code. */
  static int run(
      Path dataset, Path modelDir, Path keyFile, Path outDir, PrintStream out, PrintStream err) {
    TRIBUO_LOG.setLevel(Level.WARNING);
    try {
      MetricsKey key = MetricsKey.read(keyFile);
      List<LabelledPatient> rows = PatientCsv.readLabelled(dataset);
      Training.Result result = Training.train(rows);
      ReadmissionModel.save(result.model(), modelDir);
      Files.createDirectories(outDir);
      Path temporary = Files.createTempFile(outDir, ".metrics", ".tmp");
      try {
        Files.write(temporary, MetricsEnvelope.seal(key, result.metrics()));
        Files.move(
            temporary,
            outDir.resolve(METRICS_FILE),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temporary);
      }
      out.println("trained on " + result.metrics().trainRows() + " rows; model written");
      return 0;
    } catch (DatasetException e) {
      err.println("trainer: refused (" + e.reason() + "): " + e.getMessage());
      return 1;
    } catch (MetricsException e) {
      err.println("trainer: refused (" + e.reason() + "): " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("trainer: " + e);
      return 2;
    }
  }
}
