/**
 * The CAS's HTTPS API on Helidon SE 4: routing, TLS, problems, health, metrics and the OpenAPI
 * document.
 *
 * <p>Security guarantees: HTTPS only, TLS 1.3 only. Client certificates are requested and, when
 * sent, must be one self-signed certificate that verifies and is valid now; the caller's identity
 * is its key (SPKI), not a CA's word. Every policy and governance route requires one (401 {@code
 * unauthenticated} otherwise) and answers 503 {@code sealed} while the CAS is sealed. Request
 * bodies are bounded and parsed strictly; errors are RFC 9457 problems with stable types; internal
 * errors leave the server as an opaque message with a correlation id, never a stack trace. The
 * routes are one table ({@link io.coffer.cas.http.CasRoutes#table}) that the routing, the metrics
 * and the OpenAPI check all read.
 *
 * <p>Not protected against: denial of service by many connections (put a connection limit in front
 * of the server); a client certificate proves only possession of its key, and what that key may do
 * is for the policies to say.
 */
package io.coffer.cas.http;
