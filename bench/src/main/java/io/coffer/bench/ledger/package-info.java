/** Benchmarks of the transparency log on its SQLite store: durable appends and proofs. */
package io.coffer.bench.ledger;
