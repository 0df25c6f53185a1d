/**
 * The entry point of verification: detects the evidence format and hands the evidence to the
 * verifier of its platform, which share the API of {@code io.coffer.attestation}.
 */
package io.coffer.attestation.verifier;
