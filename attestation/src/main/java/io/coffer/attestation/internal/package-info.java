/** Support shared by the attestation verifiers; not API. */
package io.coffer.attestation.internal;
