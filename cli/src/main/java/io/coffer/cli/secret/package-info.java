/**
 * {@code coffer secret}: the person's side of a policy's {@code reveal_to}: reading a secret's
 * value from a pinned CAS, authenticated by the identity's client certificate.
 *
 * <p>Security guarantees: the value is written only to standard output or to a file this command
 * creates (mode 0600, never replacing an existing file); it never appears in an error message or a
 * log line. The CAS is reached only over connections that present its pinned TLS key. A refusal is
 * reported as the CAS recorded it: an {@code access.denied} entry in its ledger.
 *
 * <p>Not protected against: what happens to the value once printed (terminal scroll-back, shell
 * history of a pipe, a file copied elsewhere); a CAS whose policy names the wrong person.
 */
package io.coffer.cli.secret;
