package io.coffer.examples.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the example's dataset: <b>synthetic</b> patients, not data of any real person, drawn
 * from a fixed seed so that every run writes the same bytes.
 *
 * <p>Each patient's features are drawn from plausible, partly correlated distributions (older
 * patients have more comorbidities, which come with more medications and prior admissions). The
 * label follows a known noisy linear rule: a risk score that weighs prior admissions, the
 * comorbidity index, length of stay, HbA1c, age, medications and blood pressure, plus Gaussian
 * noise; the patient is "readmitted" when the noisy score passes a threshold. A linear classifier
 * can therefore learn the rule, and the noise bounds its accuracy at about 85-90%.
 *
 * <p>{@code java -cp 'APP/lib/*' io.coffer.examples.ml.DatasetGenerator OUT_DIR} writes {@code
 * OUT_DIR/dataset.csv} ({@value #ROWS} rows, seed {@value #SEED}).
 */
public final class DatasetGenerator {

  /** The seed of the example's dataset. */
  public static final long SEED = 20_260_101L;

  /** The rows of the example's dataset. */
  public static final int ROWS = 2_000;

  /** The dataset's file name. */
  public static final String FILE_NAME = "dataset.csv";

  // The rule: weights of each standardised feature, in Feature order, the noise and the threshold.
  private static final double[] WEIGHTS = {0.35, 0.9, 0.5, 0.3, 0.45, 0.15, -0.1, 0.7};
  private static final double[] MEANS = {62, 1.4, 5.2, 9.8, 6.5, 135, 28, 1.2};
  private static final double[] SDS = {14, 1.4, 3.6, 4.7, 1.3, 20, 5.5, 1.4};
  private static final double NOISE_SD = 0.75;
  private static final double THRESHOLD = 0.6;

  private DatasetGenerator() {}

  /**
   * {@code rows} synthetic patients drawn from {@code seed}; the same arguments give the same rows.
   */
  public static List<LabelledPatient> generate(long seed, int rows) {
    if (rows < 1 || rows > PatientCsv.MAX_ROWS) {
      throw new IllegalArgumentException("rows must be between 1 and " + PatientCsv.MAX_ROWS);
    }
    Random random = new Random(seed);
    List<LabelledPatient> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      PatientFeatures features = patient(random);
      double score = 0;
      double[] x = features.values();
      for (int f = 0; f < x.length; f++) {
        score += WEIGHTS[f] * (x[f] - MEANS[f]) / SDS[f];
      }
      score += NOISE_SD * random.nextGaussian();
      out.add(
          new LabelledPatient(
              features, score > THRESHOLD ? Outcome.READMITTED : Outcome.NOT_READMITTED));
    }
    return List.copyOf(out);
  }

  private static PatientFeatures patient(Random r) {
    double age = whole(Feature.AGE, 62 + 14 * r.nextGaussian());
    double comorbidity =
        whole(Feature.COMORBIDITY_INDEX, 1.0 + (age - 62) / 20 + 1.2 * r.nextGaussian());
    double prior =
        whole(Feature.PRIOR_ADMISSIONS, Math.abs(1.2 * r.nextGaussian()) + 0.4 * comorbidity);
    double stay = whole(Feature.LENGTH_OF_STAY, Math.exp(1.45 + 0.6 * r.nextGaussian()));
    double medications = whole(Feature.MEDICATIONS, 8 + 1.5 * comorbidity + 4 * r.nextGaussian());
    double hba1c = tenths(Feature.HBA1C, 6.5 + 1.3 * r.nextGaussian());
    double systolic = tenths(Feature.SYSTOLIC_BP, 135 + 20 * r.nextGaussian());
    double bmi = tenths(Feature.BMI, 28 + 5.5 * r.nextGaussian());
    return new PatientFeatures(
        new double[] {age, prior, stay, medications, hba1c, systolic, bmi, comorbidity});
  }

  private static double whole(Feature f, double v) {
    return Math.rint(clip(f, v));
  }

  private static double tenths(Feature f, double v) {
    return Math.rint(clip(f, v) * 10) / 10;
  }

  private static double clip(Feature f, double v) {
    return Math.max(f.min(), Math.min(f.max(), v));
  }

  /**
   * Writes the example's dataset to {@code dir/dataset.csv}, which must not exist.
   *
   * @return the file written
   */
  public static Path write(Path dir) throws IOException {
    Path file = dir.resolve(FILE_NAME);
    Files.writeString(
        file,
        PatientCsv.format(generate(SEED, ROWS)),
        StandardCharsets.US_ASCII,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return file;
  }

  /** {@code DatasetGenerator OUT_DIR}: writes {@code OUT_DIR/dataset.csv}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: DatasetGenerator OUT_DIR");
      System.exit(2);
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    Path file = write(dir);
    System.out.println("wrote " + ROWS + " synthetic rows (seed " + SEED + ") to " + file);
  }
}
