package io.coffer.policy.model;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A policy's namespaced name: segments of {@code [A-Za-z0-9._~-]} separated by {@code /} ({@code
 * hospital/datasets/patients}); at most 16 segments of at most 64 characters, 255 in all; no
 * segment {@code .} or {@code ..}.
 *
 * @param value the name
 */
public record PolicyName(String value) implements Comparable<PolicyName> {

  public static final int MAX_LENGTH = 255;
  public static final int MAX_SEGMENTS = 16;
  public static final int MAX_SEGMENT_LENGTH = 64;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

  public PolicyName {
    String problem = problem(value);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** What is wrong with {@code value} as a policy name, or null when it is a good one. */
  public static String problem(String value) {
    if (value == null || value.isEmpty()) {
      return "a policy name must not be empty";
    }
    if (value.length() > MAX_LENGTH) {
      return "a policy name has at most " + MAX_LENGTH + " characters";
    }
    String[] segments = value.split("/", -1);
    if (segments.length > MAX_SEGMENTS) {
      return "a policy name has at most " + MAX_SEGMENTS + " segments";
    }
    for (String s : segments) {
      if (s.isEmpty()) {
        return "a policy name has no empty segment (no leading, trailing or double '/')";
      }
      if (s.length() > MAX_SEGMENT_LENGTH) {
        return "a name segment has at most " + MAX_SEGMENT_LENGTH + " characters";
      }
      if (!SEGMENT.matcher(s).matches()) {
        return "segment '" + s + "' may use only A-Z a-z 0-9 . _ ~ -";
      }
      if (s.equals(".") || s.equals("..")) {
        return "segment '" + s + "' is not a name";
      }
    }
    return null;
  }

  /** The segments. */
  public List<String> segments() {
    return List.of(value.split("/"));
  }

  /** The parent namespace, if any ({@code hospital/datasets} for {@code hospital/datasets/x}). */
  public java.util.Optional<PolicyName> parent() {
    int i = value.lastIndexOf('/');
    return i < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(new PolicyName(value.substring(0, i)));
  }

  @Override
  public int compareTo(PolicyName o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
