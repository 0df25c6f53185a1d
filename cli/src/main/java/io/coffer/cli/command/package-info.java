/**
 * What every {@code coffer} command shares: exit codes, user-facing failures, JSON output and the
 * Coffer home (the per-user state directory).
 *
 * <p>Command packages depend on this package and never on {@code io.coffer.cli} itself, which wires
 * them together.
 */
package io.coffer.cli.command;
