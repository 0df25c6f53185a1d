/**
 * The HTTPS client of the CAS API, for the CLI.
 *
 * <p>Security guarantees: TLS 1.3 only. A pinned client accepts exactly the server whose
 * certificate carries the pinned SubjectPublicKeyInfo, and nothing else: no CA, no hostname check,
 * because the CAS's key is what {@code coffer cas attest} verified. An unpinned client exists only
 * to fetch the CAS's self-description before it is verified, and checks that the key the TLS
 * handshake proved is the TLS key the description names. Problems become {@link
 * io.coffer.cas.client.CasClientException}s with the problem's type slug; response bodies are
 * bounded and parsed strictly.
 *
 * <p>Not protected against: a pinned key that was wrong to begin with; that is for the attestation
 * to rule out.
 */
package io.coffer.cas.client;
