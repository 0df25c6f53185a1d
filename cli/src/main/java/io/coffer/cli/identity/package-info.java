/**
 * {@code coffer identity}: a stakeholder's own signing identity on disk, for approving policies and
 * for mTLS to the CAS.
 *
 * <p>An identity directory holds {@code key.pem} (the private key, unencrypted PKCS#8), {@code
 * identity.txt} (the public identity string) and {@code cert.pem} (a self-signed client certificate
 * for the same key).
 *
 * <p>Security guarantees: {@code key.pem} is created with mode 0600 from its first byte (never
 * readable by others, even briefly), written whole before it appears under its name, and never
 * replaces an existing file; a directory the command creates is 0700. The private key is never
 * printed. {@code show} derives the identity from the key and refuses an {@code identity.txt} or
 * {@code cert.pem} that disagrees with it.
 *
 * <p>Not protected against: anyone who can read the key file as its owner or as root; the key is
 * not encrypted at rest (put the directory on an encrypted disk or a token); file systems without
 * POSIX permissions or hard links are refused rather than used unsafely.
 */
package io.coffer.cli.identity;
