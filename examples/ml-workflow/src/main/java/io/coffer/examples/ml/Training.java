package io.coffer.examples.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.transform.TransformTrainer;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;

/**
 * Trains and evaluates the readmission classifier with Tribuo: the rows are shuffled with a fixed
 * seed and split {@value #TRAIN_PERCENT}/{@code 100 - }{@value #TRAIN_PERCENT} into training and
 * test rows; a logistic regression (Tribuo's {@link LinearSGDTrainer} with the log-loss {@link
 * LogMulticlass} objective and {@link AdaGrad}) is trained on the first and evaluated on the
 * second. The same rows always give the same model and metrics.
 *
 * <p>Every feature is standardised (mean 0, standard deviation 1, from the training rows) before
 * the regression: the features' scales differ by two orders of magnitude, and SGD on the raw values
 * does not converge reliably. The standardisation is part of the model (a Tribuo {@code
 * TransformedModel}), so that it predicts from raw feature values. Tribuo 4.3 does not export a
 * {@code TransformedModel} to ONNX, so the model is written in Tribuo's own format only.
 */
public final class Training {

  /** The share of the rows trained on, in percent; the rest is the test set. */
  public static final int TRAIN_PERCENT = 80;

  /** The seed of the split and of the SGD's shuffling. */
  public static final long SEED = 42L;

  /** The passes over the training rows. */
  public static final int EPOCHS = 20;

  private static final LabelFactory LABELS = new LabelFactory();

  private Training() {}

  /**
   * A trained model and its evaluation on the test rows.
   *
   * @param model the model, which outputs {@link Outcome} texts as labels with probabilities
   * @param metrics its evaluation
   */
  public record Result(Model<Label> model, Metrics metrics) {
    public Result {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(metrics, "metrics");
    }
  }

  /**
   * Trains on {@link #TRAIN_PERCENT}% of {@code rows} and evaluates on the rest.
   *
   * @throws IllegalArgumentException when either part would be empty, or hold a single outcome
   */
  public static Result train(List<LabelledPatient> rows) {
    List<LabelledPatient> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new Random(SEED));
    int trainRows = shuffled.size() * TRAIN_PERCENT / 100;
    if (trainRows < 1 || trainRows == shuffled.size()) {
      throw new IllegalArgumentException("too few rows to split: " + rows.size());
    }
    MutableDataset<Label> train = dataset("train", shuffled.subList(0, trainRows));
    MutableDataset<Label> test = dataset("test", shuffled.subList(trainRows, shuffled.size()));
    if (train.getOutputInfo().size() != Outcome.values().length) {
      throw new IllegalArgumentException("the training rows do not hold both outcomes");
    }
    LinearSGDTrainer regression =
        new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), EPOCHS, SEED);
    TransformTrainer<Label> trainer =
        new TransformTrainer<>(
            regression, new TransformationMap(List.of(new MeanStdDevTransformation())));
    Model<Label> model = trainer.train(train);
    LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
    Label positive = new Label(Outcome.READMITTED.text());
    Metrics metrics =
        new Metrics(
            evaluation.accuracy(),
            zeroIfUndefined(evaluation.precision(positive)),
            zeroIfUndefined(evaluation.recall(positive)),
            train.size(),
            test.size());
    return new Result(model, metrics);
  }

  /** The Tribuo example of {@code features}, unlabelled (for prediction). */
  public static Example<Label> example(PatientFeatures features) {
    return new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names(), features.values());
  }

  private static MutableDataset<Label> dataset(String part, List<LabelledPatient> rows) {
    MutableDataset<Label> d =
        new MutableDataset<>(
            new SimpleDataSourceProvenance("synthetic readmission dataset, " + part, LABELS),
            LABELS);
    for (LabelledPatient row : rows) {
      d.add(new ArrayExample<>(new Label(row.outcome().text()), names(), row.features().values()));
    }
    return d;
  }

  private static String[] names() {
    Feature[] features = Feature.values();
    String[] names = new String[features.length];
    for (int i = 0; i < features.length; i++) {
      names[i] = features[i].column();
    }
    return names;
  }

  private static double zeroIfUndefined(double v) {
    return Double.isNaN(v) ? 0 : v;
  }
}
