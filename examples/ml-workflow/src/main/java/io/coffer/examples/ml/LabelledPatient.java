package io.coffer.examples.ml;

import java.util.Objects;

/**
 * One row of the training dataset: a patient's features and the outcome.
 *
 * @param features the feature values
 * @param outcome the label
 */
public record LabelledPatient(PatientFeatures features, Outcome outcome) {

  public LabelledPatient {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(outcome, "outcome");
  }
}
