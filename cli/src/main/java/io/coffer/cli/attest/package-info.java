/**
 * {@code coffer attest}: TEE evidence on the command line: collect it on this machine, verify it
 * offline, measure files for simulated evidence, and request a workload's configuration from a
 * pinned CAS as the workload would.
 *
 * <p>Security guarantees: verification trusts only the Intel and AMD roots pinned in the
 * attestation library, plus roots the user names explicitly with {@code --trust-root} (added, never
 * replacing the pinned ones); collateral files are inputs, never anchors. Simulated evidence is
 * verified only under {@code --type simulation} and collected only under {@code --tee simulation}:
 * auto-detection never accepts or produces it, and stderr warns whenever it is used. The
 * verification instant is explicit or read from the clock once. Every failure has a stable reason
 * code and an exit code: 1 for a definite no, 2 for input that cannot be read, 69 for a TEE that is
 * not there. Evidence files are written whole or not at all.
 *
 * <p>{@code attest request} talks only to a pinned CAS; its ephemeral private key is never written
 * anywhere; secret values of the configuration (those its {@code secret_bearing} names) are printed
 * only with {@code --show-secrets} and never appear in messages. Its {@code --tee auto} does fall
 * back to simulation (a CAS admits simulated evidence only where a policy tolerates it) and says so
 * on stderr.
 *
 * <p>Not protected against: what the library is not (a compromised vendor root or TEE, replayed
 * evidence: freshness is the report data a caller checks); a simulated platform key file read or
 * replaced by another local user (it is created readable by its owner only, in a directory that is
 * too when the command creates it); a terminal or scrollback that keeps what {@code --show-secrets}
 * printed. TCB status, advisories and the debug bit are reported, not judged: admission is a
 * policy's decision.
 */
package io.coffer.cli.attest;
