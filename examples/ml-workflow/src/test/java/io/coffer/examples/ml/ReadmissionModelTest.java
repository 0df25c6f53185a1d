package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class ReadmissionModelTest {

  @TempDir static Path dir;

  private static Training.Result result;
  private static Path saved;

  @BeforeAll
  static void trainAndSave() throws Exception {
    result =
        Training.train(DatasetGenerator.generate(DatasetGenerator.SEED, DatasetGenerator.ROWS));
    saved = ReadmissionModel.save(result.model(), Files.createDirectories(dir.resolve("model")));
  }

  private static ModelFileException.Reason refusal(Path file) {
    try {
      ReadmissionModel.load(file);
    } catch (ModelFileException e) {
      assertThat(e.getMessage()).startsWith(file.toString());
      return e.reason();
    }
    throw new AssertionError("loaded " + file);
  }

  @Test
  void load_savedModel_predictsLowAndHighRisk() throws Exception {
    ReadmissionModel model = ReadmissionModel.load(saved);
    List<PatientFeatures> examples = Inference.examples();

    Risk low = model.predict(examples.get(0));
    Risk high = model.predict(examples.get(2));

    assertThat(saved.getFileName().toString()).isEqualTo("readmission.model");
    assertThat(low.predicted()).isEqualTo(Outcome.NOT_READMITTED);
    assertThat(high.predicted()).isEqualTo(Outcome.READMITTED);
    assertThat(low.probability()).isBetween(0.5, 1.0);
    assertThat(high.probability()).isBetween(0.5, 1.0);
  }

  @Test
  void save_replacesThePreviousModelWhole_leavesNoTemporaryFile() throws Exception {
    Path d = Files.createDirectories(dir.resolve("replace"));
    Files.writeString(d.resolve(ReadmissionModel.FILE_NAME), "old");

    ReadmissionModel.save(result.model(), d);

    assertThat(Files.size(d.resolve(ReadmissionModel.FILE_NAME))).isEqualTo(Files.size(saved));
    try (var s = Files.list(d)) {
      assertThat(s.toList()).hasSize(1);
    }
  }

  @Test
  void load_missingFile_refusedUnreadable() {
    assertThat(refusal(dir.resolve("absent.model")))
        .isEqualTo(ModelFileException.Reason.UNREADABLE);
  }

  @Test
  void load_garbageOrTruncatedFile_refused() throws Exception {
    Path garbage = Files.writeString(dir.resolve("garbage.model"), "not a model at all");
    byte[] bytes = Files.readAllBytes(saved);
    Path truncated =
        Files.write(
            dir.resolve("truncated.model"), java.util.Arrays.copyOf(bytes, bytes.length / 2));

    assertThat(refusal(garbage))
        .isIn(ModelFileException.Reason.UNREADABLE, ModelFileException.Reason.NOT_A_MODEL);
    assertThat(refusal(truncated))
        .isIn(ModelFileException.Reason.UNREADABLE, ModelFileException.Reason.NOT_A_MODEL);
  }

  @Test
  void load_modelOfOtherFeatures_refused() throws Exception {
    Path other = otherModel(new String[] {"a", "b"}, "yes", "no", "features.model");

    assertThat(refusal(other)).isEqualTo(ModelFileException.Reason.WRONG_FEATURES);
  }

  @Test
  void load_modelOfOtherLabels_refused() throws Exception {
    String[] names = new String[Feature.values().length];
    for (Feature f : Feature.values()) {
      names[f.ordinal()] = f.column();
    }
    Path other = otherModel(names, "cat", "dog", "labels.model");

    assertThat(refusal(other)).isEqualTo(ModelFileException.Reason.WRONG_OUTPUTS);
  }

  private static Path otherModel(String[] names, String first, String second, String file)
      throws Exception {
    LabelFactory labels = new LabelFactory();
    MutableDataset<Label> d =
        new MutableDataset<>(new SimpleDataSourceProvenance("test", labels), labels);
    for (int i = 0; i < 20; i++) {
      double[] values = new double[names.length];
      java.util.Arrays.fill(values, i % 2 == 0 ? 1.0 : -1.0);
      d.add(new ArrayExample<>(new Label(i % 2 == 0 ? first : second), names, values));
    }
    Model<Label> m = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1), 1, 1L).train(d);
    Path target = dir.resolve(file);
    m.serializeToFile(target);
    return target;
  }
}
