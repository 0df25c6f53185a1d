/** Benchmarks of the ledger: checkpoint verification and its cryptographic floor. */
package io.coffer.bench.ledger;
