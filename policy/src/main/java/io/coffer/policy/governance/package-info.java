/**
 * Multi-party governance of policies: identities, rules over them, and signed approvals of a policy
 * version (issue 5, "access" and "Governance").
 *
 * <p>An {@link io.coffer.policy.governance.Identity} is a public key as text ({@code ed25519:},
 * {@code p256:}, {@code p384:}) or the hash of a client certificate's key ({@code cert-sha256:}). A
 * {@link io.coffer.policy.governance.Rule} combines identities, {@code CREATOR}, {@code ANY} and
 * {@code NONE} with {@code require-all} and {@code require-at-least-N}. An {@link
 * io.coffer.policy.governance.Approval} signs the domain-separated {@link
 * io.coffer.policy.governance.ApprovalMessage} naming the policy, the new version's hash and its
 * predecessor's; {@link io.coffer.policy.governance.Governance#evaluate} decides whether the
 * approvals satisfy a rule. {@link io.coffer.policy.governance.IdentityKey} and {@link
 * io.coffer.policy.governance.ClientCertificate} hold an approver's own key and certificate.
 *
 * <p>Security guarantees: identities, approvals and key files are parsed strictly (one canonical
 * text per identity, keys validated on their curve, unknown JSON members rejected, sizes capped);
 * signatures use the JDK's Ed25519 and ECDSA (P-256/SHA-256, P-384/SHA-384); an approval counts
 * once per identity and only for exactly the message it signs; no rule is satisfied without at
 * least one verified approval; rules are bounded in depth and size.
 *
 * <p>Not protected against: evaluating an update against the proposed version's rule instead of the
 * current one's (the caller chooses the rule); a compromised approver key; rules whose branches one
 * person satisfies several times over (thresholds count branches, not people). There is no
 * revocation or expiry of keys here, and certificate validity is not checked: only the key counts.
 */
package io.coffer.policy.governance;
