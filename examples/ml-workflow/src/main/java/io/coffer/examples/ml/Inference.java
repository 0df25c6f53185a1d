package io.coffer.examples.ml;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The model owner's inference service.
 *
 * <p>{@code java -cp 'APP/lib/*' io.coffer.examples.ml.Inference MODEL_DIR [PATIENTS_CSV]} loads
 * {@code MODEL_DIR/}{@value ReadmissionModel#FILE_NAME} (the model volume, mounted read-only) and
 * prints one line per patient of {@code PATIENTS_CSV} (a header of the feature columns only, see
 * {@link PatientCsv#featureHeader()}), or of three built-in example patients when it is absent:
 *
 * <pre>patient 1: predicted no, probability 0.962</pre>
 *
 * <p>Exit codes: 0 done; 1 the model or the patients file was refused; 2 usage or an I/O failure.
 */
public final class Inference {

  /** The built-in example patients, a resource of this class. */
  static final String EXAMPLES = "examples.csv";

  private Inference() {}

  /** {@code Inference MODEL_DIR [PATIENTS_CSV]}. */
  public static void main(String[] args) {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: Inference MODEL_DIR [PATIENTS_CSV]");
      System.exit(2);
    }
    System.exit(
        run(Path.of(args[0]), args.length == 2 ? Path.of(args[1]) : null, System.out, System.err));
  }

  /** Does the work of {@link #main}; {@code patients} null for the examples. */
  static int run(Path modelDir, Path patients, PrintStream out, PrintStream err) {
    try {
      ReadmissionModel model = ReadmissionModel.load(modelDir.resolve(ReadmissionModel.FILE_NAME));
      List<PatientFeatures> rows =
          patients == null ? examples() : PatientCsv.readFeatures(patients);
      for (int i = 0; i < rows.size(); i++) {
        Risk risk = model.predict(rows.get(i));
        out.println(
            String.format(
                Locale.ROOT,
                "patient %d: predicted %s, probability %.3f",
                i + 1,
                risk.predicted().text(),
                risk.probability()));
      }
      return 0;
    } catch (ModelFileException e) {
      err.println("inference: refused (" + e.reason() + "): " + e.getMessage());
      return 1;
    } catch (DatasetException e) {
      err.println("inference: refused (" + e.reason() + "): " + e.getMessage());
      return 1;
    } catch (IOException e) {
      err.println("inference: " + e);
      return 2;
    }
  }

  /** The three built-in example patients. */
  static List<PatientFeatures> examples() throws IOException, DatasetException {
    try (InputStream in = Inference.class.getResourceAsStream(EXAMPLES)) {
      if (in == null) {
        throw new IOException("resource " + EXAMPLES + " is missing");
      }
      return PatientCsv.parseFeatures(EXAMPLES, in.readNBytes(PatientCsv.MAX_FILE_BYTES + 1));
    }
  }
}
