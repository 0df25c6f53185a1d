/**
 * The CAS's own identity: its TLS and ledger keys ({@link io.coffer.cas.identity.CasKeys}), the
 * evidence that binds them to its TEE ({@link io.coffer.cas.identity.SelfAttestation}), and the
 * client's side: verifying that evidence and pinning the CAS ({@link
 * io.coffer.cas.identity.CasVerifier}, {@link io.coffer.cas.identity.CasPin}).
 *
 * <p>Security guarantees: the keys are made inside the CAS process and stored only encrypted by the
 * barrier; the evidence's report data is SHA-512 of both public keys, so a client that verified the
 * evidence and pins the TLS key talks to the attested code, and checks the log with the attested
 * ledger key. A client refuses simulation, debug TEEs and out-of-date TCBs unless it tolerates
 * them.
 *
 * <p>Not protected against: anything in simulation (the warning says so in every answer); a CAS
 * whose measurement the client does not check (then pinned on first use). Restrictions: the keys
 * are in the store behind the data key, so a sealed CAS cannot load its TLS key before it is
 * unsealed; the server must take that into account (see the module's notes).
 */
package io.coffer.cas.identity;
