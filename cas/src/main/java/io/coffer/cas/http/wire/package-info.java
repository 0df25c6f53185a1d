/**
 * The JSON wire format of the CAS API, shared by the server and its client: strict reading of JSON
 * documents and the JSON shapes of the service's values.
 *
 * <p>Security guarantees: documents are read strictly and within bounds: duplicate members,
 * trailing tokens, unknown members and members of the wrong type are rejected, and every error
 * names the field path ({@code approvals[1].signature}). Every decoding failure becomes a {@link
 * io.coffer.cas.http.wire.WireException}.
 *
 * <p>Not protected against: anything semantic; values are checked by the service that takes them.
 */
package io.coffer.cas.http.wire;
