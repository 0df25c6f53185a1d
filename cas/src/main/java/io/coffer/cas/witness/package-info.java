/**
 * C2SP tlog-witness over HTTP (c2sp.org/tlog-witness): the witness server behind {@code coffer
 * witness serve}, with its durable state and its key, and the client a CAS uses to have its
 * checkpoints cosigned.
 *
 * <p>Security guarantees: the server applies the ledger library's {@link
 * io.coffer.ledger.witness.Witness} rules to every {@code add-checkpoint} request and persists its
 * state durably ({@link io.coffer.cas.witness.SqliteWitnessStateStore}) before it answers, so that
 * it never cosigns a smaller tree or a fork of a log, also across restarts. The client believes a
 * cosignature only after verifying it with the witness's configured key, and reports a witness that
 * holds a larger or inconsistent tree as such, never as a mere failure.
 *
 * <p>Not protected against: a witness that loses or rolls back its data directory (it must then be
 * retired, not restarted with an empty state); a witness that lies about its latest size in a 409
 * answer, which is not signed (it can only block a CAS from starting, never make it accept a
 * rolled-back store); the witness key being stolen from the data directory.
 */
package io.coffer.cas.witness;
