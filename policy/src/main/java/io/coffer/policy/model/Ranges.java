package io.coffer.policy.model;

import java.util.OptionalInt;

/** Range checks for the optional numbers of conditions, with messages naming the YAML field. */
final class Ranges {

  private Ranges() {}

  /** Checks that a present {@code value} lies in {@code [min, max]}. */
  static void check(OptionalInt value, int min, int max, String field) {
    if (value.isPresent()) {
      check(value.getAsInt(), min, max, field);
    }
  }

  /** Checks that {@code value} lies in {@code [min, max]}. */
  static void check(int value, int min, int max, String field) {
    if (value < min || value > max) {
      throw new InvalidValueException(
          field, "must be between " + min + " and " + max + ", got " + value);
    }
  }
}
