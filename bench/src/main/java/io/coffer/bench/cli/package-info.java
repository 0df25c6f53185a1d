/** Benchmarks of the {@code coffer} command's start-up path. */
package io.coffer.bench.cli;
