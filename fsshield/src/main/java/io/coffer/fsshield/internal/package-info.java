/**
 * How the shield is built: the manifest and its sealed form, key derivation, the per-file ciphers
 * and the layout of a protected tree. Not API: use {@link io.coffer.fsshield.FsShield}.
 */
package io.coffer.fsshield.internal;
