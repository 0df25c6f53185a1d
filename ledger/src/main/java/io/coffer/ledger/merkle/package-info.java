/**
 * RFC 9162 Merkle trees: typed hashes, tree hashing, inclusion and consistency proofs.
 *
 * <p>Security guarantees: verification follows RFC 9162 §2.1.3.2 and §2.1.4.2 step by step; hashes
 * are always 32-byte SHA-256 values with leaf/node domain separation.
 *
 * <p>Not protected against: a caller that verifies against a root it has not authenticated. A root
 * is only as good as the signed checkpoint it came from.
 */
package io.coffer.ledger.merkle;
