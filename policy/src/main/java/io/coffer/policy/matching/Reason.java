package io.coffer.policy.matching;

import java.util.Objects;

/**
 * One reason verified claims were not admitted.
 *
 * @param code the stable code
 * @param field the policy field whose condition failed, as a YAML path: {@code security.tolerate},
 *     {@code security.ignore_advisories}, {@code identity}, or {@code
 *     identity[i].<platform>.<field>} (relative to the service)
 * @param claim the claim compared, by the verifier's name ({@code mrEnclave}, {@code tcbStatus},
 *     {@code debug}, ...)
 * @param expected what the policy requires, as text
 * @param actual what the claims hold, as text ({@code absent} for a missing claim)
 * @param message one line naming all of the above, for people
 */
public record Reason(
    ReasonCode code, String field, String claim, String expected, String actual, String message) {

  public Reason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A reason whose message reads {@code <field>: <claim> is <actual>, expected <expected>},
   * followed by {@code (<note>)} unless the note is empty.
   */
  static Reason of(
      ReasonCode code, String field, String claim, String expected, String actual, String note) {
    String message = field + ": " + claim + " is " + actual + ", expected " + expected;
    return new Reason(
        code,
        field,
        claim,
        expected,
        actual,
        note.isEmpty() ? message : message + " (" + note + ")");
  }

  @Override
  public String toString() {
    return code + ": " + message;
  }
}
