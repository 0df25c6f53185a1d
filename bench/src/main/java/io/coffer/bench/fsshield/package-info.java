/** Benchmarks of the file-system shield: reading a protected file, sealing trees. */
package io.coffer.bench.fsshield;
