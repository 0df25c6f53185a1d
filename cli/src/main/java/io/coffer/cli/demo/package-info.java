/**
 * {@code coffer demo}: the end-to-end multi-stakeholder quickstart, in simulation mode.
 *
 * <p>Every stakeholder acts through {@code coffer} commands in processes of their own, against an
 * embedded CAS; the workloads run under {@code coffer run}. The demo checks the outcome of every
 * step, the refusals it provokes included, and exits 0 only when all happened as intended.
 *
 * <p><b>Not protected.</b> It is a simulation: simulated evidence proves nothing about the machine,
 * and the work directories are on the local disk. It shows the flow, the policies and the log, not
 * hardware protection. Its temporary directory holds the stakeholders' keys and is deleted at the
 * end unless {@code --keep} is given.
 */
package io.coffer.cli.demo;
