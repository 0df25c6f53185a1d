package io.coffer.bench.cas;

import java.util.Objects;

/** The CAS answered, but not what the operation expects (a proposal that did not activate). */
final class OperationException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String kind;

  /**
   * @param kind a short, stable name for the error tally ({@code not-activated})
   * @param detail what was wrong
   */
  OperationException(String kind, String detail) {
    super(detail);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The error's name in the tally. */
  String kind() {
    return kind;
  }
}
