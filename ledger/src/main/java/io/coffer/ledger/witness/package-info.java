/**
 * The C2SP tlog-witness {@code add-checkpoint} rules as a library (c2sp.org/tlog-witness): request
 * parsing, the checks and status codes, an atomic state store and Ed25519 cosigning (type 0x04). No
 * HTTP server is included; a server maps {@link io.coffer.ledger.witness.AddCheckpointResult} to
 * its response.
 *
 * <p>Security guarantees: a witness never cosigns a checkpoint that is not signed by a trusted key
 * of its log, nor one inconsistent with the latest checkpoint it cosigned for that log, and never
 * moves its state backwards, even under concurrent requests.
 *
 * <p>Not protected against: a state store that forgets or rolls back (then old checkpoints can be
 * cosigned again), and a log's key being stolen.
 */
package io.coffer.ledger.witness;
