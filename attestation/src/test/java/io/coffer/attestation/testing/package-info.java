/** Test support: the published attestation vectors. */
package io.coffer.attestation.testing;
