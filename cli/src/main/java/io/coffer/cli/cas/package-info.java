/**
 * {@code coffer cas}: verifying and pinning a CAS, unsealing it, and what every command that talks
 * to a pinned CAS shares ({@link io.coffer.cli.cas.RemoteCas}, {@link io.coffer.cli.cas.CasPins}).
 *
 * <p>Security guarantees: a CAS is pinned only after its evidence verified and bound the TLS and
 * ledger keys pinned ({@code io.coffer.cas.identity.CasVerifier}); after that, every connection to
 * it must present the pinned TLS key, so nothing (no identity, no policy, no share) is sent to
 * another server. A share goes to a sealed CAS only over the temporary TLS key its fresh evidence
 * binds, after that evidence verified with the pinned measurement and ledger key. Text from the
 * server is printed without control characters ({@link io.coffer.cli.cas.Printable}).
 *
 * <p>Not protected against: a wrong pin, when the measurement was not given and the first CAS
 * attested was not the intended one (trust on first use); someone who can write the Coffer home.
 */
package io.coffer.cli.cas;
