/**
 * {@code coffer audit}: offline verification of the transparency log with standard formats (RFC
 * 9162 proofs, C2SP checkpoints and tiles), and fetching a pinned CAS's log to verify it. Nothing
 * here trusts the log's operator: {@code fetch} keeps what it downloaded only once it verified
 * against the pinned ledger key, exactly as {@code verify} checks a directory.
 */
package io.coffer.cli.audit;
