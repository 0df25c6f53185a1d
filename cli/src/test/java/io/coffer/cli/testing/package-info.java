/** Test support for commands: running {@code coffer} in-process. */
package io.coffer.cli.testing;
