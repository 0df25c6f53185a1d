package io.coffer.cas.service;

/**
 * Where a proposal is in its life. Only {@link #OPEN} changes, and only once: a proposal that left
 * it never activates.
 */
public enum ProposalState {
  /** Collecting approvals. */
  OPEN,
  /** Activated: its version is (or was) the current one. */
  ACTIVATED,
  /** A board member rejected it. */
  REJECTED,
  /** Its proposer withdrew it. */
  WITHDRAWN,
  /** Another proposal for the same predecessor activated first. */
  SUPERSEDED,
  /** Its expiry passed before the update rule was satisfied. */
  EXPIRED
}
