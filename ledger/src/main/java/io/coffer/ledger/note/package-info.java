/**
 * C2SP signed notes (c2sp.org/signed-note): strict parsing and formatting, verifier keys (vkeys),
 * verification with the rules of the Go reference's {@code note.Open}, and signing.
 *
 * <p>Signature types: Ed25519 (0x01), ECDSA P-256 (0x02), Ed25519 witness cosignatures (0x04,
 * c2sp.org/tlog-cosignature) and RFC 6962 tree-head signatures (0x05, c2sp.org/static-ct-api).
 * Cryptography is the JDK's; BouncyCastle only converts key encodings.
 *
 * <p>Security guarantees: a {@link io.coffer.ledger.note.VerifiedNote} exists only if a trusted
 * key's signature verified and no trusted key's signature failed. Parsing is strict and bounded (1
 * MiB, 100 signatures), and every malformed input becomes a {@link
 * io.coffer.ledger.note.NoteException} naming the line. Secret keys have their own types that never
 * print their bytes.
 *
 * <p>Not protected against: a verifier configured with the wrong key; the note text says nothing
 * about which keys to trust. Cosignature timestamps in the future are not rejected here.
 */
package io.coffer.ledger.note;
