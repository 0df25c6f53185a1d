package io.coffer.policy.model;

import java.util.List;

/**
 * Which attested code may run as a service ({@code identity:} in YAML): a list of alternatives, of
 * which one must match (OR). Each alternative is for one platform; claims of a platform are
 * compared only with that platform's alternatives.
 *
 * @param alternatives one to {@link #MAX_ALTERNATIVES} alternatives, no two equal
 */
public record ServiceIdentity(List<PlatformCondition> alternatives) {

  /** The most alternatives one service lists. */
  public static final int MAX_ALTERNATIVES = 64;

  /**
   * @throws InvalidValueException for an empty or too long list, or naming ({@code [i]}) an
   *     alternative that repeats an earlier one
   */
  public ServiceIdentity {
    alternatives = List.copyOf(alternatives);
    if (alternatives.isEmpty()) {
      throw new InvalidValueException("", "at least one alternative is required");
    }
    if (alternatives.size() > MAX_ALTERNATIVES) {
      throw new InvalidValueException(
          "", "at most " + MAX_ALTERNATIVES + " alternatives, got " + alternatives.size());
    }
    for (int i = 1; i < alternatives.size(); i++) {
      int first = alternatives.indexOf(alternatives.get(i));
      if (first < i) {
        throw new InvalidValueException("[" + i + "]", "repeats alternative [" + first + "]");
      }
    }
  }
}
