package io.coffer.cas.service;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /v1/cas} answers: the CAS's evidence and the keys it binds, so that a client can
 * verify the CAS before it trusts it.
 *
 * @param state the lifecycle state
 * @param tee the TEE the CAS runs in ({@code sgx-dcap}, {@code tdx}, {@code sev-snp}, {@code
 *     simulation}, ...)
 * @param simulated true when the evidence is simulated: no hardware protects this CAS
 * @param warnings loud warnings for every answer (simulation, development seal)
 * @param evidenceType the evidence type as {@code coffer attest verify --type} names it
 * @param evidence the raw evidence whose report data is SHA-512(TLS SPKI || ledger SPKI)
 * @param tlsPublicKey the DER SubjectPublicKeyInfo of the TLS key
 * @param ledgerPublicKey the DER SubjectPublicKeyInfo of the ledger (checkpoint signing) key
 * @param ledgerVerifierKey the ledger key as a C2SP signed-note verifier key string
 * @param checkpoint the latest signed checkpoint (a C2SP signed note), empty before the first
 * @param shamir for a sealed Shamir seal: shares received so far and shares needed
 */
public record SelfDescription(
    CasState state,
    String tee,
    boolean simulated,
    List<String> warnings,
    String evidenceType,
    byte[] evidence,
    byte[] tlsPublicKey,
    byte[] ledgerPublicKey,
    String ledgerVerifierKey,
    Optional<String> checkpoint,
    Optional<UnsealProgress> shamir) {

  public SelfDescription {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(tee, "tee");
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(evidenceType, "evidenceType");
    evidence = evidence.clone();
    tlsPublicKey = tlsPublicKey.clone();
    ledgerPublicKey = ledgerPublicKey.clone();
    Objects.requireNonNull(ledgerVerifierKey, "ledgerVerifierKey");
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(shamir, "shamir");
  }

  @Override
  public byte[] evidence() {
    return evidence.clone();
  }

  @Override
  public byte[] tlsPublicKey() {
    return tlsPublicKey.clone();
  }

  @Override
  public byte[] ledgerPublicKey() {
    return ledgerPublicKey.clone();
  }
}
