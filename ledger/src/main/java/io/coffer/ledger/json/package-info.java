/**
 * RFC 8785 canonical JSON for ledger entries, so that an entry's leaf hash is reproducible in any
 * language.
 *
 * <p>Security guarantees: only I-JSON documents are canonicalized; anything the canonical form
 * would change silently (duplicate names, unpaired surrogates, inexact integers) is rejected.
 */
package io.coffer.ledger.json;
