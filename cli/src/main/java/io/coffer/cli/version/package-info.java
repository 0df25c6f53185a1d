/** {@code coffer version} and {@code coffer --version}: which build this is. */
package io.coffer.cli.version;
