package io.coffer.policy.matching;

import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Security;
import io.coffer.policy.model.Tolerance;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The claims against a policy's security section: simulation, debug, TCB status, advisories. */
final class SecurityCheck {

  private static final String TOLERATE = "security.tolerate";
  private static final String IGNORE = "security.ignore_advisories";

  private SecurityCheck() {}

  /** Every reason the security section refuses {@code claims}, in the order above. */
  static List<Reason> check(VerifiedClaims claims, Security security) {
    List<Reason> reasons = new ArrayList<>();
    if (claims.simulated() && !security.tolerates(Tolerance.SIMULATION)) {
      reasons.add(
          Reason.of(
              ReasonCode.SIMULATION_NOT_TOLERATED,
              TOLERATE,
              "simulated",
              "false",
              "true",
              "simulated evidence proves nothing about confidentiality; \"simulation\" is not"
                  + " tolerated"));
    }
    if (claims.debug() && !security.tolerates(Tolerance.DEBUG)) {
      reasons.add(
          Reason.of(
              ReasonCode.DEBUG_NOT_TOLERATED,
              TOLERATE,
              "debug",
              "false",
              "true",
              "the host can read a debug TEE's memory; \"debug\" is not tolerated"));
    }
    tcbStatus(claims, security).ifPresent(reasons::add);
    for (String id : claims.advisoryIds()) {
      if (!security.ignores(id)) {
        reasons.add(
            new Reason(
                ReasonCode.ADVISORY_NOT_IGNORED,
                IGNORE,
                "advisories",
                id,
                id,
                IGNORE
                    + ": advisory "
                    + id
                    + " applies to the platform's TCB, expected it in ignore_advisories (a"
                    + " category tolerance alone is not enough)"));
      }
    }
    return reasons;
  }

  private static Optional<Reason> tcbStatus(VerifiedClaims claims, Security security) {
    TcbStatus status = claims.tcbStatus();
    Optional<Set<Tolerance>> needed = TcbRequirement.of(status, claims.platform());
    if (needed.isEmpty()) {
      return Optional.of(
          Reason.of(
              ReasonCode.TCB_STATUS_UNKNOWN,
              TOLERATE,
              "tcbStatus",
              "an evaluated status",
              status.text(),
              "the TCB of "
                  + claims.platform().name().toLowerCase(Locale.ROOT)
                  + " evidence verified by signatures only is not evaluated; no tolerance admits"
                  + " it"));
    }
    Set<Tolerance> missing = EnumSet.noneOf(Tolerance.class);
    for (Tolerance t : needed.get()) {
      if (!security.tolerates(t)) {
        missing.add(t);
      }
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Reason.of(
            ReasonCode.TCB_STATUS_NOT_TOLERATED,
            TOLERATE,
            "tcbStatus",
            "UpToDate or a tolerated status",
            status.text(),
            "needs "
                + names(EnumSet.copyOf(needed.get()))
                + " tolerated; missing "
                + names(missing)));
  }

  private static String names(Set<Tolerance> tolerances) {
    return tolerances.stream()
        .map(t -> "\"" + t.yamlName() + "\"")
        .collect(Collectors.joining(", "));
  }
}
