/**
 * The CAS's audit ledger events: one record per event type ({@code cas.started}, {@code
 * policy.created}, {@code policy.proposed}, {@code policy.approved}, {@code policy.rejected},
 * {@code policy.withdrawn}, {@code policy.superseded}, {@code policy.expired}, {@code
 * policy.activated}, {@code access.denied}, {@code attestation.succeeded}, {@code
 * attestation.failed}, {@code secret.released}, {@code volume.tag.updated}) and their RFC 8785
 * canonical JSON form ({@link io.coffer.cas.events.EventCodec}), documented in {@code docs/cas.md},
 * "Ledger events".
 *
 * <p>Security guarantees: an event holds names, hashes, identity strings, proposal ids, versions,
 * times, reason codes, measurements, advisory IDs and certificate serials only: no member can carry
 * a secret value or free text. {@code secret.released} names the secrets it released, never their
 * values. The parser is strict and bounded, for entries read from an untrusted log: canonical bytes
 * only, known members only, every value checked.
 *
 * <p>Not protected against: an event that is false. That an entry is in the log is proved by the
 * ledger's checkpoints and proofs; that it tells the truth rests on the attested CAS that wrote it.
 */
package io.coffer.cas.events;
