/**
 * The CAS load harness: {@link io.coffer.bench.cas.CasLoad} starts a real CAS in-process on
 * loopback (SQLite, or a fresh embedded PostgreSQL), seeds policies, and drives authenticated
 * policy reads or governance writes from many HTTPS clients with their own client certificates,
 * closed loop or at a fixed offered rate, and reports throughput and latency percentiles.
 *
 * <p>Not JMH: JMH measures a method a thread calls back to back (closed loop), while the question
 * here is the latency of an HTTP service at a given offered load, which needs an open-loop driver
 * measuring from each request's intended start (no coordinated omission).
 *
 * <p>Restrictions: the CAS runs in simulation mode with the development key-file seal, in the same
 * JVM as its clients: clients and server share the machine's cores, so the figures are a lower
 * bound on what a CAS alone on the machine serves. Not a security boundary of any kind; the
 * identities and data directories it makes are throw-away and deleted at the end.
 */
package io.coffer.bench.cas;
