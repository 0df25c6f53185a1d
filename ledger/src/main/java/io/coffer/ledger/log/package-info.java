/**
 * The transparency log: durable group-committed appends, tree heads for any past size, proofs, and
 * checkpoints that are never inconsistent with each other.
 */
package io.coffer.ledger.log;
