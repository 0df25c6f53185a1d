/**
 * {@code coffer witness}: runs a C2SP tlog-witness that cosigns the checkpoints of configured logs
 * (CASes) and refuses rolled-back or forked ones. An adapter over {@code io.coffer.cas.witness}.
 */
package io.coffer.cli.witness;
