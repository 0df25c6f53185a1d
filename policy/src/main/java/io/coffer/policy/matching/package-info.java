/**
 * Matching verified claims with a service's identity and a policy's security section: {@link
 * io.coffer.policy.matching.Matcher#match} gives {@link
 * io.coffer.policy.matching.MatchResult.Admitted} or {@link
 * io.coffer.policy.matching.MatchResult.Rejected} with every {@link
 * io.coffer.policy.matching.Reason}, each with a stable {@link
 * io.coffer.policy.matching.ReasonCode}.
 *
 * <p>Security guarantees: fail closed. Simulated evidence needs {@code simulation} tolerated and a
 * {@code simulation} alternative; a debug TEE needs {@code debug}; a TCB status needs the
 * tolerances of its category and every advisory it carries listed in {@code ignore_advisories}; an
 * SGX or TDX TCB that was not evaluated ({@code Unknown}) is never admitted. One alternative of the
 * claims' platform must match in every condition it names; a claim that is missing or of another
 * type fails its condition instead of throwing. Byte claims are compared in constant time.
 *
 * <p>Not protected against: stale or replayed evidence (freshness is checked where the nonce is
 * known), and conditions the policy leaves out: an alternative constrains only what it names.
 */
package io.coffer.policy.matching;
