package io.coffer.examples.ml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;

/**
 * The trained classifier and its file: Tribuo's own protobuf serialisation ({@code
 * Model.serializeToFile}), never Java object serialisation.
 *
 * <p>Loading checks that the file is a Tribuo classifier of exactly the {@link Outcome} labels,
 * with probabilities, over exactly the {@link Feature} columns, before it predicts anything.
 *
 * <p>Not protected against: a model file crafted to exploit Tribuo's or protobuf's parsing. The
 * file's integrity is the volume's (the fs shield authenticates it before the program starts); this
 * class checks only that it is the right kind of model.
 */
public final class ReadmissionModel {

  /** The model's file name in the model volume. */
  public static final String FILE_NAME = "readmission.model";

  /** The largest model file loaded. */
  public static final long MAX_FILE_BYTES = 16L * 1024 * 1024;

  private final Model<Label> model;

  private ReadmissionModel(Model<Label> model) {
    this.model = model;
  }

  /**
   * Writes {@code model} to {@code dir/}{@value #FILE_NAME}, replacing it whole or not at all.
   *
   * @return the file written
   */
  public static Path save(Model<Label> model, Path dir) throws IOException {
    Objects.requireNonNull(model, "model");
    Path file = dir.resolve(FILE_NAME);
    Path temporary = Files.createTempFile(dir, ".readmission", ".tmp");
    try {
      model.serializeToFile(temporary);
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return file;
  }

  /**
   * The model in {@code file}.
   *
   * @throws ModelFileException naming the file and what is wrong with it
   */
  public static ReadmissionModel load(Path file) throws ModelFileException {
    Model<?> loaded;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ModelFileException(
            ModelFileException.Reason.UNREADABLE,
            file + ": larger than " + MAX_FILE_BYTES + " bytes",
            null);
      }
      loaded = Model.deserializeFromFile(file);
    } catch (IOException e) {
      throw new ModelFileException(
          ModelFileException.Reason.UNREADABLE, file + ": cannot be read: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new ModelFileException(
          ModelFileException.Reason.NOT_A_MODEL, file + ": not a Tribuo model", e);
    }
    if (loaded == null || !loaded.validate(Label.class)) {
      throw new ModelFileException(
          ModelFileException.Reason.WRONG_OUTPUTS, file + ": not a classifier", null);
    }
    Model<Label> model = loaded.castModel(Label.class);
    Set<String> labels = new TreeSet<>();
    for (Label l : model.getOutputIDInfo().getDomain()) {
      labels.add(l.getLabel());
    }
    Set<String> expectedLabels = new TreeSet<>();
    for (Outcome o : Outcome.values()) {
      expectedLabels.add(o.text());
    }
    if (!labels.equals(expectedLabels) || !model.generatesProbabilities()) {
      throw new ModelFileException(
          ModelFileException.Reason.WRONG_OUTPUTS,
          file + ": expected a probabilistic classifier of " + expectedLabels + ", not " + labels,
          null);
    }
    Set<String> features = new TreeSet<>();
    for (VariableInfo v : model.getFeatureIDMap()) {
      features.add(v.getName());
    }
    Set<String> expectedFeatures = new TreeSet<>();
    for (Feature f : Feature.values()) {
      expectedFeatures.add(f.column());
    }
    if (!features.equals(expectedFeatures)) {
      throw new ModelFileException(
          ModelFileException.Reason.WRONG_FEATURES,
          file + ": a model of the features " + features + ", expected " + expectedFeatures,
          null);
    }
    return new ReadmissionModel(model);
  }

  /** The model's prediction for {@code patient}. */
  public Risk predict(PatientFeatures patient) {
    Prediction<Label> p = model.predict(Training.example(patient));
    String label = p.getOutput().getLabel();
    Outcome predicted =
        Outcome.fromText(label)
            .orElseThrow(() -> new IllegalStateException("unexpected label " + label));
    Map<String, Label> scores = p.getOutputScores();
    return new Risk(predicted, scores.get(label).getScore());
  }
}
