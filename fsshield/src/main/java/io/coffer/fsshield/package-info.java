/**
 * The file-system shield: a directory tree sealed into a protected tree whose files are encrypted
 * (or, in {@link io.coffer.fsshield.Mode#AUTHENTICATED} mode, stored as they are) and authenticated
 * by an encrypted manifest. The SHA-256 of the sealed manifest is the tree's {@link
 * io.coffer.fsshield.Tag}.
 *
 * <p><b>Security guarantees.</b> Given the {@link io.coffer.fsshield.TreeKey} and the expected tag,
 * {@link io.coffer.fsshield.FsShield#open} and everything built on it refuse, with a {@link
 * io.coffer.fsshield.FsShieldException} naming the reason and the path: any changed byte of a file
 * or of the manifest, a truncated or extended file, files swapped or renamed, a file added to or
 * removed from the protected tree, a tree sealed under another key, and an older version of the
 * same tree (its tag differs: every seal makes a fresh tag). In {@link
 * io.coffer.fsshield.Mode#ENCRYPTED} mode the contents, names, sizes and modes of the files are
 * confidential; only the number of files and each file's approximate size show.
 *
 * <p><b>Not protected against.</b> Freshness is the caller's: the tag must come from somewhere the
 * attacker cannot roll back (the CAS). Timing of accesses to the protected tree, and the plaintext
 * once unsealed: unseal only into memory that the TEE protects. File ownership and timestamps are
 * not recorded; only the permission bits 0777 are.
 *
 * <p>The public types are the API; everything else in the package is how it is built and is not
 * visible outside it.
 */
package io.coffer.fsshield;
