/**
 * Policies and their governance over the CAS's store: creation under a namespace's {@code create}
 * rule, reads under the {@code read} rule, and new versions as proposals that activate the moment
 * the current version's {@code update} rule is satisfied by their approvals ({@link
 * io.coffer.cas.governance.GovernedPolicies}).
 *
 * <p>Security guarantees: each change and its ledger events are one store write; an update is
 * authorised only by the current version's update rule, with every stored approval re-verified from
 * its signature; closed proposals never activate and at most one proposal activates per
 * predecessor; policy bodies are barrier ciphertexts bound to their rows, opened and checked
 * against their hashes on every read, so a tampered store yields an error, never a wrong policy; no
 * secret value is returned or written to the ledger; every refusal of an authenticated caller for
 * want of rights is an {@code access.denied} event.
 *
 * <p>Not protected against: a store rolled back as a whole (the ledger and witnesses detect it);
 * the existence of a policy name, which is not secret. (A policy's creator is a barrier ciphertext
 * bound to its name: a store cannot substitute another.)
 */
package io.coffer.cas.governance;
