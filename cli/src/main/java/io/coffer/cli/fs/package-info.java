/**
 * {@code coffer fs}: seal a directory tree with the file-system shield, verify a protected tree,
 * unseal it.
 *
 * <p>Security guarantees: keys are read from and written to files only (never arguments, never
 * printed); a new key file is readable by its owner only and never replaces a file. A refused tree
 * exits 1 with the reason and the path it concerns, and leaves nothing unsealed behind.
 */
package io.coffer.cli.fs;
