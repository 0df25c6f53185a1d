/**
 * Collateral files: recognised by content (certificates, CRLs, Intel PCS JSON, dcap-qvl bundles,
 * AMD certificate chains), parsed strictly and within bounds, and never trusted: verifiers check
 * every item against the trust anchors.
 */
package io.coffer.attestation.collateral;
