/**
 * The SLF4J backend of the {@code coffer} process: text or JSON lines on standard error.
 *
 * <p>Libraries log through the SLF4J API only and never choose a backend; the {@code coffer}
 * composition root configures this one from {@code --log-format} and {@code --log-level}.
 *
 * <p>Not protected against: a caller that passes a secret value as a log argument. Secrets have
 * their own types with redacted {@code toString}, and callers log secret names only.
 */
package io.coffer.cli.internal.logging;
