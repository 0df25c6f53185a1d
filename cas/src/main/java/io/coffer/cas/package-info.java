/**
 * The Configuration and Attestation Service (CAS): holds every stakeholder's policies and secrets
 * on infrastructure run by an operator nobody trusts.
 *
 * <p>Layers, each in its own package: {@code service} (the operations and their values, what the
 * HTTP API exposes), {@code governance} (policies, proposals and ballots), {@code store} (the
 * untrusted database and the ledger in one transaction), {@code seal} (the data key and the barrier
 * that encrypts every row), {@code identity} (the CAS's keys and self-attestation), {@code http}
 * (the HTTPS API), {@code server} (the composition root).
 */
package io.coffer.cas;
