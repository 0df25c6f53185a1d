/**
 * {@code coffer audit}: offline verification of the transparency log with standard formats (RFC
 * 9162 proofs, C2SP checkpoints and tiles). Nothing here trusts the log's operator.
 */
package io.coffer.cli.audit;
