package io.coffer.policy.matching;

/**
 * Why verified claims were not admitted. The names are stable: ledgers and APIs carry them, never
 * the message text.
 */
public enum ReasonCode {
  /** The evidence is simulated and the policy does not tolerate {@code simulation}. */
  SIMULATION_NOT_TOLERATED,
  /** The TEE runs in debug mode and the policy does not tolerate {@code debug}. */
  DEBUG_NOT_TOLERATED,
  /** The TCB status needs a tolerance the policy does not give. */
  TCB_STATUS_NOT_TOLERATED,
  /**
   * The TCB status of SGX or TDX evidence was not evaluated (signatures only, {@code Unknown}); no
   * tolerance admits it.
   */
  TCB_STATUS_UNKNOWN,
  /** An advisory applies to the platform's TCB and is not in {@code ignore_advisories}. */
  ADVISORY_NOT_IGNORED,
  /** The service's identity has no alternative for the evidence's platform. */
  NO_ALTERNATIVE_FOR_PLATFORM,
  /** A claim differs from the value (or every value) an alternative requires. */
  CLAIM_MISMATCH,
  /** A claim is below an alternative's minimum. */
  CLAIM_BELOW_MINIMUM,
  /** A claim is above an alternative's maximum. */
  CLAIM_ABOVE_MAXIMUM,
  /** The evidence has no claim of that name, so the alternative's condition cannot hold. */
  CLAIM_MISSING,
  /** The claim has another type or length than the condition compares with. */
  CLAIM_MALFORMED
}
