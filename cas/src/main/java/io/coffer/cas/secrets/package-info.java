/**
 * The secrets of a policy: their values ({@link io.coffer.cas.secrets.SecretValue}) and storage
 * encoding, their generation on first use ({@link io.coffer.cas.secrets.SecretGenerator}) and their
 * rendering into a service's configuration ({@link io.coffer.cas.secrets.SecretFormats}). Pure: no
 * storage, no network.
 *
 * <p>Security guarantees: values come from the caller's {@link java.security.SecureRandom} and the
 * JCA; random characters are uniform over a 64-character alphabet (6 bits each). Values are
 * redacted in {@code toString}, compared in constant time, and never quoted in exception messages.
 * Encodings are versioned and parsed strictly and within bounds; a value decodes only as the kind
 * it was stored for.
 *
 * <p>Not protected against / non-goals: confidentiality of the encoding, which holds the value in
 * clear (the CAS's encryption barrier provides it); erasing values from memory (the JVM copies
 * them); checking that a stored private key matches its certificate, except for a CA when it is
 * turned back into a {@link io.coffer.cas.pki.CertificateAuthority}.
 */
package io.coffer.cas.secrets;
