/**
 * Simulated evidence for development and CI: a documented format signed by a local simulated
 * platform's Ed25519 key, with a real measurement of the program's files.
 *
 * <p>Not protected against: anything. Whoever holds the platform key file can produce any evidence;
 * simulated claims carry {@code simulated = true} and are accepted only where a caller explicitly
 * allows simulation.
 */
package io.coffer.attestation.simulation;
