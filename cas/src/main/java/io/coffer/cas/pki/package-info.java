/**
 * The per-policy PKI of the CAS: a policy's {@link io.coffer.cas.pki.CertificateAuthority}, the
 * per-instance certificates it issues to attested workload keys with their {@link
 * io.coffer.cas.pki.SpiffeId}, and the certificates of a policy's {@code x509} secrets. Pure: no
 * storage, no network; the caller stores what this makes.
 *
 * <p>Security guarantees: issued certificates are end entities ({@code cA} false) with critical key
 * usage, explicit extended key usage, 128-bit random serials and a validity inside the CA's.
 * Per-instance certificates carry exactly one URI name, the SPIFFE ID (X509-SVID.md §2). Only EC
 * P-256/P-384/P-521, Ed25519 and RSA keys of 2048 bits or more are certified. Encoded CAs are
 * parsed strictly, and a decoded CA's key must match its certificate.
 *
 * <p>Not protected against / non-goals: revocation (no CRL or OCSP: certificates are short-lived
 * and renewed by re-attestation); name constraints on what a CA issues; confidentiality of the
 * encoded CA, which holds the private key in clear (the CAS's encryption barrier provides it).
 */
package io.coffer.cas.pki;
