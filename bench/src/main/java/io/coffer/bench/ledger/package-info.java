/**
 * Benchmarks of the ledger: durable appends and proofs on the SQLite store, and checkpoint
 * verification against its cryptographic floor.
 */
package io.coffer.bench.ledger;
