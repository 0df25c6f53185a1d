/**
 * The CAS load harness: {@link io.coffer.bench.cas.CasLoad} starts a real CAS on loopback (SQLite,
 * or a fresh embedded PostgreSQL), in its own JVM or in a child JVM ({@code --server process}),
 * seeds policies, and drives authenticated policy reads or governance writes from many HTTPS
 * clients with their own client certificates, or end-to-end workload attestations with simulated
 * evidence from anonymous clients, closed loop or at a fixed offered rate, and reports throughput
 * and latency percentiles and, with the CAS in a child JVM, the CPU time the CAS and the load
 * generator each spent per operation.
 *
 * <p>Not JMH: JMH measures a method a thread calls back to back (closed loop), while the question
 * here is the latency of an HTTP service at a given offered load, which needs an open-loop driver
 * measuring from each request's intended start (no coordinated omission).
 *
 * <p>Restrictions: the CAS runs in simulation mode with the development key-file seal, on the same
 * machine as its clients, which share its cores (and, by default, its JVM): the throughput is a
 * lower bound on what a CAS alone on the machine serves. The CAS's CPU time per operation, with
 * {@code --server process}, is its own, but does not count the database server's with PostgreSQL.
 * With {@code --evidence sgx|tdx} the CAS's evidence check is wrapped, in the CAS's JVM only, to
 * verify a published DCAP quote along with each workload's simulated evidence: a measurement of the
 * cost of a real quote, not an admission on it. Not a security boundary of any kind; the identities
 * and data directories it makes are throw-away and deleted at the end.
 */
package io.coffer.bench.cas;
