/** Start-up tuning: the training run for the JDK's ahead-of-time class cache. */
package io.coffer.cli.internal.aot;
