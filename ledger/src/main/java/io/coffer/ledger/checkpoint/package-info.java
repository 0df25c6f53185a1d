/**
 * C2SP checkpoints (c2sp.org/tlog-checkpoint): the strict body format, verification of signed
 * checkpoints against configured log and cosigner keys, and signing of the ledger's tree heads.
 *
 * <p>Security guarantees: a {@link io.coffer.ledger.checkpoint.VerifiedCheckpoint} was signed by
 * the keys its verifier required and has the expected origin; its root is exactly 32 bytes and its
 * size a canonical decimal. Every malformed input becomes a {@link
 * io.coffer.ledger.checkpoint.CheckpointException}.
 *
 * <p>Not protected against: split views. A checkpoint is one log's claim; consistency with earlier
 * checkpoints needs a consistency proof, and protection from forks needs witnesses.
 */
package io.coffer.ledger.checkpoint;
