/**
 * Extra trust anchors for evidence verification, read from files a user names with {@code
 * --trust-root}: an Intel root CA, an AMD root key, a simulated platform's public key. Shared by
 * {@code coffer attest verify} and {@code coffer cas attest}.
 *
 * <p>Security guarantees: each root is added to the attestation library's pinned vendor roots,
 * never instead of them; files are read within a size bound, and a file that is not exactly one
 * recognisable root is refused with its name and why.
 *
 * <p>Not protected against: a user who names a root they should not trust; whoever can replace the
 * file between two runs.
 */
package io.coffer.cli.trust;
