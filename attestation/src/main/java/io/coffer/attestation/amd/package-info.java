/**
 * AMD SEV-SNP attestation: the ATTESTATION_REPORT (versions 2 to 5), VCEK and VLEK certificates and
 * their chains to AMD's ARKs, and Azure's HCL report that wraps an SNP report.
 *
 * <p>Security guarantees: a report verifies only if it is signed (ECDSA P-384) by a VCEK or VLEK of
 * the kind its SIGNING_KEY names, whose chain through the ASK (VCEK) or ASVK (VLEK) of one product
 * line ends at that line's pinned ARK, with every certificate valid at the verification instant;
 * its REPORTED_TCB equals the certificate's SPLs; and for a VCEK its CHIP_ID (unless the host
 * masked it) and CPUID stepping are the certificate's. Parsing is strict: any input is a parsed
 * value or an {@link io.coffer.attestation.AttestationException}.
 *
 * <p>Restrictions: no TCB status (AMD publishes none; the claims carry the TCB components for a
 * policy's minimums); AMD CRLs are not consulted; Venice and later product lines and report
 * versions 6 and later are refused until their layouts are public.
 *
 * <p>Not protected against: a compromised AMD root, firmware or hypervisor-visible debug guest (the
 * {@code debug} claim says so; a policy must refuse it); replay of a captured report; for a VLEK,
 * which identifies a cloud provider rather than a chip, a provider that misuses its key.
 */
package io.coffer.attestation.amd;
