package io.coffer.cas.identity;

import io.coffer.policy.model.Tolerance;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a client requires of a CAS before it pins it ({@code coffer cas attest}).
 *
 * @param measurements the measurements accepted ({@code --expect-measurement}, any one of them);
 *     empty accepts any measurement, which is then recorded in the pin (trust on first use of the
 *     code)
 * @param tolerated the weaknesses accepted ({@code --tolerate}); none by default
 */
public record CasExpectations(List<CasMeasurement> measurements, Set<Tolerance> tolerated) {

  public CasExpectations {
    measurements = List.copyOf(measurements);
    tolerated = tolerated.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(tolerated));
  }

  /** No expected measurement, nothing tolerated. */
  public static CasExpectations none() {
    return new CasExpectations(List.of(), Set.of());
  }

  /** Whether {@code tolerance} is accepted. */
  public boolean tolerates(Tolerance tolerance) {
    return tolerated.contains(tolerance);
  }
}
