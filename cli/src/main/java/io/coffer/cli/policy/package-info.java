/**
 * {@code coffer policy}: check, hash, sign and approve policies, offline and on a CAS.
 *
 * <p>The offline commands ({@code lint}, {@code hash}, {@code sign}, {@code check-approvals}) never
 * talk to a CAS: they let a stakeholder check a policy and make the approval the CAS will verify,
 * on their own machine, with their own key.
 *
 * <p>The others ({@code create}, {@code read}, {@code list}, {@code history}, {@code propose},
 * {@code approve}, {@code reject}, {@code withdraw}, {@code proposals}, {@code proposal-text}) talk
 * only to a CAS pinned with {@code coffer cas attest}, over connections that must present the
 * pinned TLS key, authenticated by the identity's certificate.
 *
 * <p>Security guarantees: a policy file is parsed here before it is sent, so its problems are shown
 * with line and column and an invalid file never leaves the machine; {@code approve --sign} signs
 * only a proposal whose text hashes to its hash and names its policy and predecessor; text from the
 * CAS is printed without control characters.
 *
 * <p>Not protected against: a CAS that shows a reviewer one text and activates another: the
 * signature covers the hash, and the ledger records it, for auditors to compare.
 */
package io.coffer.cli.policy;
