package io.coffer.examples.ml;

import java.util.Objects;

/**
 * A prediction for one patient.
 *
 * @param predicted the more probable outcome
 * @param probability the model's probability of {@code predicted}, in [0.5, 1]
 */
public record Risk(Outcome predicted, double probability) {

  public Risk {
    Objects.requireNonNull(predicted, "predicted");
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability must be in [0, 1], not " + probability);
    }
  }
}
