package io.coffer.policy.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The weaknesses a policy accepts ({@code security:} in YAML). As in SCONE, tolerating a category
 * of TCB status is not enough: every advisory that applies to the platform must also be listed in
 * {@code ignoreAdvisories}.
 *
 * <p>Advisory IDs have the shape vendor, kind and number, upper case: {@code
 * [A-Z][A-Z0-9]{1,15}-[A-Z]{2,8}-[0-9]{4,8}} ({@code INTEL-SA-00615}, {@code INTEL-DOC-00123},
 * {@code AMD-SB-3019}). They are compared exactly, so anything else (lower case, white space) would
 * never match and is refused.
 *
 * @param tolerate the weaknesses accepted; iterated in declaration order
 * @param ignoreAdvisories the advisory IDs accepted, at most {@link #MAX_ADVISORIES}; iterated in
 *     sorted order
 */
public record Security(Set<Tolerance> tolerate, Set<String> ignoreAdvisories) {

  /** Tolerates nothing: the default when a policy has no {@code security} section. */
  public static final Security DEFAULT = new Security(Set.of(), Set.of());

  /** The most advisory IDs a policy ignores. */
  public static final int MAX_ADVISORIES = 256;

  private static final Pattern ADVISORY_ID =
      Pattern.compile("[A-Z][A-Z0-9]{1,15}-[A-Z]{2,8}-[0-9]{4,8}");

  /**
   * @throws InvalidValueException naming {@code ignore_advisories} for a malformed ID or too many
   */
  public Security {
    tolerate =
        Collections.unmodifiableSet(
            tolerate.isEmpty() ? EnumSet.noneOf(Tolerance.class) : EnumSet.copyOf(tolerate));
    SortedSet<String> ids = new TreeSet<>(ignoreAdvisories);
    if (ids.size() > MAX_ADVISORIES) {
      throw new InvalidValueException(
          "ignore_advisories", "at most " + MAX_ADVISORIES + " IDs, got " + ids.size());
    }
    for (String id : ids) {
      if (!isAdvisoryId(id)) {
        throw new InvalidValueException(
            "ignore_advisories",
            "'"
                + (id.length() > 40 ? id.substring(0, 40) + "..." : id)
                + "' is not an advisory ID such as INTEL-SA-00615");
      }
    }
    ignoreAdvisories = Collections.unmodifiableSortedSet(ids);
  }

  /** Whether {@code id} has the shape of an advisory ID (see the class comment). */
  public static boolean isAdvisoryId(String id) {
    return ADVISORY_ID.matcher(id).matches();
  }

  /** Whether this policy accepts {@code tolerance}. */
  public boolean tolerates(Tolerance tolerance) {
    return tolerate.contains(tolerance);
  }

  /** Whether this policy accepts the advisory {@code id}. */
  public boolean ignores(String id) {
    return ignoreAdvisories.contains(id);
  }
}
