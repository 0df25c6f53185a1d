package io.coffer.policy.model;

import java.util.Objects;

/**
 * A policy value that its constructor refuses: out of range, malformed hex, an alternative that
 * identifies no code, ... The parser turns it into an error at the position of {@link #field()}.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String detail;

  /**
   * @param field the offending field's YAML path relative to the value being built ({@code
   *     isvsvn_min}, {@code min_tcb.fmc}, {@code [2]}), or empty for the value as a whole
   * @param detail what is wrong, without the field
   */
  public InvalidValueException(String field, String detail) {
    super(field.isEmpty() ? detail : field + ": " + detail);
    this.field = Objects.requireNonNull(field, "field");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** The offending field's YAML path relative to the value being built; empty for the whole. */
  public String field() {
    return field;
  }

  /** What is wrong, without the field. */
  public String detail() {
    return detail;
  }
}
