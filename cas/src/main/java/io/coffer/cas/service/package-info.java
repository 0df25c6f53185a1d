/**
 * What the CAS does, independent of transport: the operations the HTTP API exposes and the values
 * they take and return.
 *
 * <p>Security guarantees: every operation takes the authenticated {@link
 * io.coffer.cas.service.Caller} and decides access itself; no value returned here holds a secret
 * value. Failures are {@link io.coffer.cas.service.CasException}s with a stable {@link
 * io.coffer.cas.service.CasException.Type}, which the HTTP layer maps to problem types and status
 * codes without reading messages.
 */
package io.coffer.cas.service;
