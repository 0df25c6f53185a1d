/**
 * The confidential run of a provisioned program: given the configuration document an attested
 * workload opened (docs/protocol.md, "The configuration document"), it unseals the service's
 * protected image tree and volumes into the work directory, writes the policy's files, starts the
 * policy's command with the policy's environment, forwards signals to it, and when it exits
 * re-seals every read-write volume and reports the new tag by compare-and-set ({@link
 * io.coffer.runtime.VolumeTagReporter}).
 *
 * <p><b>Security guarantees.</b> Plaintext is written only inside the work directory, which must be
 * empty at start, and every path of the policy must lie inside it: a path outside, a {@code ..}
 * segment, or a symbolic link on the way is refused before anything is written. The protected tree
 * and every volume are opened against the key and tag the CAS gave (FsShield checks tag, key and
 * objects) before anything is written; a volume whose sealed copy with the CAS's tag is missing is
 * refused as a rollback. The program is never started after a refusal. The host's arguments and
 * environment reach the program only when the policy lists them. A new volume version is written
 * beside the current one and becomes current only when the CAS accepted its tag; otherwise the
 * previous version stays current. Messages and exceptions never hold a secret value, a key or file
 * content. The work directory's content is deleted when the run ends.
 *
 * <p><b>Trust assumption.</b> The work directory must be memory the TEE protects: inside a
 * confidential VM or container, a tmpfs in encrypted guest memory. On an ordinary disk the
 * plaintext is exposed to the host while the program runs.
 *
 * <p><b>Not protected against.</b> The program itself leaking what it was given; a host that kills
 * the run between sealing a volume and reporting its tag (the previous version stays current, the
 * program's last writes are lost); timing and sizes of the volume store's files.
 */
package io.coffer.runtime;
