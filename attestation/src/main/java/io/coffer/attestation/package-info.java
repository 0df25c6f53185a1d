/**
 * Verifies TEE evidence against vendor collateral: the API shared by every platform.
 *
 * <p>Inputs are evidence bytes, {@link io.coffer.attestation.Collateral}, {@link
 * io.coffer.attestation.TrustAnchors} and an explicit verification instant; the output is {@link
 * io.coffer.attestation.VerifiedClaims} or an {@link io.coffer.attestation.AttestationException}
 * with a stable reason.
 *
 * <p>Security guarantees: evidence verifies only if it chains to a pinned vendor root (or a root
 * the caller passed explicitly), every signature and certificate is valid at the given instant, and
 * no CRL revokes a certificate used. TCB status is reported, not judged; revoked or unknown TCB
 * levels are failures.
 *
 * <p>Not protected against: a compromised vendor root or TEE hardware; evidence replayed by someone
 * who captured it (freshness is the caller's nonce in the report data); simulated evidence, which
 * proves nothing about confidentiality and is accepted only when a caller explicitly allows it.
 */
package io.coffer.attestation;
