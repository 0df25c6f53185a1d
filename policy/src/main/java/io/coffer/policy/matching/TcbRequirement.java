package io.coffer.policy.matching;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.policy.model.Tolerance;
import java.util.Optional;
import java.util.Set;

/**
 * The tolerances each TCB status needs.
 *
 * <ul>
 *   <li>{@code UpToDate}: none.
 *   <li>{@code SWHardeningNeeded}: {@code sw-hardening-needed}; {@code ConfigurationNeeded}: {@code
 *       configuration-needed}; {@code ConfigurationAndSWHardeningNeeded}: both.
 *   <li>{@code OutOfDate}: {@code outdated-tcb}; {@code OutOfDateConfigurationNeeded}: {@code
 *       outdated-tcb} and {@code configuration-needed}.
 *   <li>{@code TDRelaunchAdvised} and {@code TDRelaunchAdvisedConfigurationNeeded} as {@code
 *       OutOfDate} and {@code OutOfDateConfigurationNeeded}: the trust domain still runs with the
 *       TCB it was launched with, which is out of date, until it is relaunched.
 *   <li>{@code Unknown}: none for platforms that have no TCB status (SEV-SNP, whose minimums are
 *       the identity's {@code min_tcb}, and simulation); for SGX and TDX it means the TCB was not
 *       evaluated (signatures only), which no tolerance admits.
 * </ul>
 */
public final class TcbRequirement {

  private TcbRequirement() {}

  /**
   * The tolerances {@code status} of {@code platform} needs, or empty when no tolerance admits it.
   */
  public static Optional<Set<Tolerance>> of(TcbStatus status, Platform platform) {
    return switch (status) {
      case UP_TO_DATE -> Optional.of(Set.of());
      case SW_HARDENING_NEEDED -> Optional.of(Set.of(Tolerance.SW_HARDENING_NEEDED));
      case CONFIGURATION_NEEDED -> Optional.of(Set.of(Tolerance.CONFIGURATION_NEEDED));
      case CONFIGURATION_AND_SW_HARDENING_NEEDED ->
          Optional.of(Set.of(Tolerance.CONFIGURATION_NEEDED, Tolerance.SW_HARDENING_NEEDED));
      case OUT_OF_DATE, TD_RELAUNCH_ADVISED -> Optional.of(Set.of(Tolerance.OUTDATED_TCB));
      case OUT_OF_DATE_CONFIGURATION_NEEDED, TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED ->
          Optional.of(Set.of(Tolerance.OUTDATED_TCB, Tolerance.CONFIGURATION_NEEDED));
      case UNKNOWN ->
          switch (platform) {
            case SGX, TDX -> Optional.empty();
            case SNP, SIMULATION -> Optional.of(Set.of());
          };
    };
  }
}
