package io.coffer.examples.ml;

import java.util.Arrays;
import java.util.Objects;

/**
 * One patient's eight feature values, in {@link Feature} order, each within its feature's bounds.
 *
 * @param values the values, copied
 */
public record PatientFeatures(double[] values) {

  public PatientFeatures {
    Objects.requireNonNull(values, "values");
    values = values.clone();
    Feature[] features = Feature.values();
    if (values.length != features.length) {
      throw new IllegalArgumentException(
          "expected " + features.length + " feature values, not " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!features[i].accepts(values[i])) {
        throw new IllegalArgumentException(
            features[i].column() + ": " + values[i] + " is out of its bounds");
      }
    }
  }

  /** The values, a copy. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** The value of {@code feature}. */
  public double value(Feature feature) {
    return values[feature.ordinal()];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PatientFeatures p && Arrays.equals(values, p.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "PatientFeatures" + Arrays.toString(values);
  }
}
