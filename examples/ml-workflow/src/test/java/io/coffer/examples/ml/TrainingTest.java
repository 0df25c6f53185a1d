package io.coffer.examples.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TrainingTest {

  /** The accuracy the example promises on its own dataset (README.md). */
  static final double ACCURACY_FLOOR = 0.85;

  private static List<LabelledPatient> rows;
  private static Training.Result result;

  @BeforeAll
  static void train() {
    rows = DatasetGenerator.generate(DatasetGenerator.SEED, DatasetGenerator.ROWS);
    result = Training.train(rows);
  }

  @Test
  void train_examplesDataset_reachesTheAccuracyFloor() {
    Metrics m = result.metrics();

    assertThat(m.accuracy()).isGreaterThanOrEqualTo(ACCURACY_FLOOR);
    assertThat(m.precision()).isGreaterThan(0.7);
    assertThat(m.recall()).isGreaterThan(0.7);
    assertThat(m.trainRows()).isEqualTo(1600);
    assertThat(m.testRows()).isEqualTo(400);
  }

  @Test
  void train_sameRows_sameMetrics() {
    assertThat(Training.train(rows).metrics()).isEqualTo(result.metrics());
  }

  @Test
  void train_labelsShuffled_noBetterThanChance() {
    // The model learns the rule, not the row order: with outcomes detached from features, the
    // accuracy drops to about the majority share.
    List<LabelledPatient> other = DatasetGenerator.generate(99, DatasetGenerator.ROWS);
    List<LabelledPatient> detached =
        java.util.stream.IntStream.range(0, rows.size())
            .mapToObj(i -> new LabelledPatient(rows.get(i).features(), other.get(i).outcome()))
            .toList();

    assertThat(Training.train(detached).metrics().accuracy()).isLessThan(0.75);
  }

  @Test
  void train_tooFewRows_refused() {
    assertThatThrownBy(() -> Training.train(rows.subList(0, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few rows");
  }

  @Test
  void train_singleOutcome_refused() {
    List<LabelledPatient> same =
        rows.stream().filter(r -> r.outcome() == Outcome.NOT_READMITTED).limit(50).toList();

    assertThatThrownBy(() -> Training.train(same))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both outcomes");
  }
}
