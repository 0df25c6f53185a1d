package io.coffer.archfixture.attestation;

/** A claims type that policy may use. */
public record Claims(boolean debug) {}
