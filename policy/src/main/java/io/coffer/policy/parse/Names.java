package io.coffer.policy.parse;

import java.util.regex.Pattern;

/** The names of services, secrets and volumes inside a policy. */
final class Names {

  /** A local name: letters, digits, {@code . _ -}, starting with a letter or digit. */
  static final Pattern LOCAL = io.coffer.policy.model.LocalName.PATTERN;

  /** A policy hash: 64 lower-case hex digits. */
  static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private Names() {}

  static String localProblem(String name) {
    return LOCAL.matcher(name).matches()
        ? null
        : "'"
            + name
            + "' is not a name (1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit)";
  }
}
