package io.coffer.examples.ml;

import java.util.Optional;

/** The label column: whether the (synthetic) patient was readmitted within 30 days. */
public enum Outcome {
  /** Readmitted within 30 days: the positive class. */
  READMITTED("yes"),
  /** Not readmitted within 30 days. */
  NOT_READMITTED("no");

  /** The CSV header of the label column. */
  public static final String COLUMN = "readmitted_30d";

  private final String text;

  Outcome(String text) {
    this.text = text;
  }

  /** The label as written in the CSV and as the Tribuo label name. */
  public String text() {
    return text;
  }

  /** The outcome written {@code text}, if any. */
  public static Optional<Outcome> fromText(String text) {
    for (Outcome o : values()) {
      if (o.text.equals(text)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
