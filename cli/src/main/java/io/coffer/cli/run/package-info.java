/**
 * {@code coffer run}: attest as a service of a policy to a pinned CAS, open the configuration with
 * the ephemeral key (which never leaves the process), and run the service's program confidentially
 * with the {@code runtime} module; the volumes' new tags are reported to the CAS over mutual TLS
 * with the instance certificate the CAS issued.
 *
 * <p>Security guarantees: those of {@link io.coffer.runtime}; in addition, on any attestation
 * failure the program is never started and nothing is written. Secret values never appear in the
 * command's own output or errors; its own lines go to stderr, prefixed {@code coffer run:}.
 *
 * <p>Not protected against: a work directory that is not in memory the TEE protects (see {@link
 * io.coffer.runtime}); the program's own output.
 */
package io.coffer.cli.run;
