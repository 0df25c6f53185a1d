/**
 * {@code coffer policy}: check, hash, sign and approve policies offline.
 *
 * <p>Nothing here talks to a CAS: these commands let a stakeholder check a policy and make the
 * approval the CAS will verify, on their own machine, with their own key.
 */
package io.coffer.cli.policy;
