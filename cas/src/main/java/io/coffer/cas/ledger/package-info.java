/**
 * The audit ledger as auditors read it over the API: signed checkpoints, inclusion and consistency
 * proofs, and the log as C2SP {@code tlog-tiles}.
 *
 * <p>Security guarantees: nothing here is trusted by a reader because the CAS served it: tiles and
 * proofs are checked by the reader against a checkpoint signed with the CAS's ledger key. Tiles are
 * computed from the ledger's own hashes and entries of the current tree; a path that names no part
 * of the current tree gets nothing.
 *
 * <p>Not protected against: a CAS that forks its log for different readers; only witnesses and
 * auditors comparing checkpoints catch that.
 */
package io.coffer.cas.ledger;
