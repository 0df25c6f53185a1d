/**
 * What the CAS hands an admitted workload: its configuration encrypted to the key the workload
 * attested ({@link io.coffer.cas.provision.ConfigurationJwe}), and an attestation result token that
 * relying parties can check without the CAS ({@link io.coffer.cas.provision.EarIssuer}, {@link
 * io.coffer.cas.provision.EarVerifier}). Pure code: no store, no network.
 *
 * <p>Security guarantees: a configuration JWE opens only with the private key of the attested key
 * (ECDH-ES, RFC 7518 §4.6, with A256GCM, §5.3), and any change to its header, key agreement data,
 * ciphertext or tag makes it fail to open; on decryption no other algorithm is accepted, whatever
 * the header says. An EAR (draft-ietf-rats-ear) is signed with ES256 by the CAS's TLS key; its
 * AR4SI trustworthiness vector (draft-ietf-rats-ar4si) never affirms what the CAS did not check: a
 * simulated or debug result is never {@code affirming}. The verifier accepts ES256 only, from a key
 * of the published key set, with the EAR profile, unexpired, and with the expected nonce.
 *
 * <p>Not protected against: a relying party that ignores the status and trustworthiness vector; a
 * CAS whose signing key is compromised (pin the CAS first: {@code io.coffer.cas.identity}); replay
 * of a configuration JWE to the workload that holds the key (it is the same configuration).
 * Restrictions: attested keys are EC P-256, P-384 or P-521; the EAR carries whole seconds.
 */
package io.coffer.cas.provision;
