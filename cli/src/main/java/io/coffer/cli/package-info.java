/**
 * The {@code coffer} command: the composition root that wires every command group together.
 *
 * <p>Each command group lives in its own package and depends only on {@code io.coffer.cli.command}
 * and the libraries it fronts; nothing depends on this package.
 */
package io.coffer.cli;
