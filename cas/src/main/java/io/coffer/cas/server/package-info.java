/**
 * The composition root of a CAS process: configuration → store → seal → keys → rollback check →
 * services → HTTPS, and the lifecycle ({@code SEALED} → {@code SERVING} → {@code STOPPING}).
 *
 * <p>Security guarantees: the CAS serves policies only after its data key is open, its store's log
 * has passed the rollback check (sealed checkpoint file and witnesses), and its evidence binds its
 * TLS and ledger keys. A sealed CAS serves only its description, health and unsealing, over a fresh
 * TLS key that its evidence binds together with its stored ledger key.
 *
 * <p>Not protected against: an operator who gives a key-file seal's file to anyone (the seal is for
 * development); share files left where the operator can read them.
 */
package io.coffer.cas.server;
