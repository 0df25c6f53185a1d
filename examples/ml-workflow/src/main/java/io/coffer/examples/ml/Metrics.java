package io.coffer.examples.ml;

/**
 * The evaluation of a trained model on the held-out test rows.
 *
 * @param accuracy the fraction of test rows predicted correctly, in [0, 1]
 * @param precision the precision of the positive class ({@link Outcome#READMITTED}), in [0, 1]
 * @param recall the recall of the positive class, in [0, 1]
 * @param trainRows the rows trained on
 * @param testRows the rows evaluated on
 */
public record Metrics(
    double accuracy, double precision, double recall, int trainRows, int testRows) {

  public Metrics {
    fraction("accuracy", accuracy);
    fraction("precision", precision);
    fraction("recall", recall);
    if (trainRows < 1 || testRows < 1) {
      throw new IllegalArgumentException("trainRows and testRows must be positive");
    }
  }

  private static void fraction(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], not " + v);
    }
  }

  /**
   * The metrics in {@code envelope}, decrypted with {@code key} (see {@link MetricsEnvelope}).
   *
   * @param key the 32-byte AES-256 key
   * @throws MetricsException when the envelope is malformed, or does not open with the key
   */
  public static Metrics decrypt(byte[] key, byte[] envelope) throws MetricsException {
    return MetricsEnvelope.open(key, envelope);
  }
}
