package io.coffer.examples.ml;

/**
 * The eight numeric columns of the synthetic readmission dataset, in CSV order, with the bounds a
 * valid value lies in. The values are synthetic: see {@link DatasetGenerator}.
 */
public enum Feature {
  AGE("age_years", 18, 95, true),
  PRIOR_ADMISSIONS("prior_admissions", 0, 20, true),
  LENGTH_OF_STAY("length_of_stay_days", 1, 60, true),
  MEDICATIONS("medications", 0, 40, true),
  HBA1C("hba1c_percent", 4, 15, false),
  SYSTOLIC_BP("systolic_bp_mmhg", 80, 220, false),
  BMI("bmi", 15, 60, false),
  COMORBIDITY_INDEX("comorbidity_index", 0, 15, true);

  private final String column;
  private final double min;
  private final double max;
  private final boolean integer;

  Feature(String column, double min, double max, boolean integer) {
    this.column = column;
    this.min = min;
    this.max = max;
    this.integer = integer;
  }

  /** The CSV header name, also the Tribuo feature name. */
  public String column() {
    return column;
  }

  /** The smallest valid value. */
  public double min() {
    return min;
  }

  /** The largest valid value. */
  public double max() {
    return max;
  }

  /** Whether the value is a count, written without a fraction. */
  public boolean integer() {
    return integer;
  }

  /** Whether {@code value} is a valid value of this feature. */
  public boolean accepts(double value) {
    return value >= min && value <= max && (!integer || value == Math.rint(value));
  }
}
