package io.coffer.policy.model;

import java.util.regex.Pattern;

/**
 * The rule for the names of services, secrets and volumes inside a policy: 1 to 64 of {@code A-Z
 * a-z 0-9 . _ -}, starting with a letter or digit.
 */
public final class LocalName {

  /** The rule as a pattern, to match whole. */
  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private LocalName() {}

  /** Whether {@code name} follows the rule. */
  public static boolean isValid(String name) {
    return PATTERN.matcher(name).matches();
  }
}
