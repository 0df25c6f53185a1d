package io.coffer.policy;

import java.util.List;

/** A policy that is not valid, with every problem found in it, in document order. */
public final class PolicyException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Problems are values; the list is copied and immutable. */
  @SuppressWarnings("serial")
  private final List<Problem> problems;

  public PolicyException(List<Problem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a policy exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, in document order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    if (problems.isEmpty()) {
      return "invalid policy";
    }
    String first = problems.get(0).toString();
    return problems.size() == 1 ? first : first + " (and " + (problems.size() - 1) + " more)";
  }
}
