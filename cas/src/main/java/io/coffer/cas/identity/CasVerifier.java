package io.coffer.cas.identity;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.AttestationVerifier;
import io.coffer.cas.identity.CasVerificationException.Reason;
import io.coffer.cas.service.SelfDescription;
import io.coffer.ledger.note.Ed25519NoteVerifier;
import io.coffer.ledger.note.NoteException;
import io.coffer.ledger.note.NoteVerifier;
import io.coffer.policy.matching.TcbRequirement;
import io.coffer.policy.model.Tolerance;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * Decides whether a client may trust a CAS ({@code coffer cas attest}), from what {@code GET
 * /v1/cas} answered and the TLS key the connection presented. In order:
 *
 * <ol>
 *   <li>the evidence verifies with the attestation library at now (simulated evidence only when
 *       {@code simulation} is tolerated);
 *   <li>its report data is {@code SHA-512(TLS SPKI || ledger SPKI)} of the described keys;
 *   <li>the ledger verifier key is the described ledger key;
 *   <li>the connection presented the described TLS key;
 *   <li>the description's type, TEE and simulation flag are those of the verified evidence;
 *   <li>the measurement is one of those expected (if any are);
 *   <li>debug and the TCB status are tolerated (the policy library's rules for tolerances).
 * </ol>
 *
 * <p>Only then does it return the {@link CasPin}, built from the verified claims. Thread-safe.
 *
 * <p>Not protected against: a CAS whose measurement is not checked (no expectation given), which is
 * then trusted on first use and recorded in the pin.
 */
public final class CasVerifier {

  private final AttestationVerifier verifier;
  private final Collateral collateral;
  private final InstantSource clock;

  /**
   * A verifier trusting {@code anchors}, judging evidence against {@code collateral} (for example
   * loaded with {@code CollateralFiles.load} from {@code --collateral DIR}) at the clock's now.
   */
  public CasVerifier(TrustAnchors anchors, Collateral collateral, InstantSource clock) {
    this.verifier = AttestationVerifier.create(Objects.requireNonNull(anchors, "anchors"));
    this.collateral = Objects.requireNonNull(collateral, "collateral");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Verifies {@code described} as received from {@code url} over a connection that presented {@code
   * presentedTlsKey} (a DER SubjectPublicKeyInfo), and pins it as {@code name}.
   *
   * @throws CasVerificationException naming the first check that failed
   */
  public CasPin verify(
      URI url,
      String name,
      SelfDescription described,
      byte[] presentedTlsKey,
      CasExpectations expectations)
      throws CasVerificationException {
    CasPin.requireUrl(url);
    CasPin.requireName(name);
    Instant now = clock.instant();
    Evidence evidence = evidence(described);
    VerifiedClaims claims = verifyEvidence(evidence, expectations, now);
    byte[] expected =
        SelfAttestation.reportData(described.tlsPublicKey(), described.ledgerPublicKey());
    if (!MessageDigest.isEqual(claims.reportData(), expected)) {
      throw new CasVerificationException(
          Reason.KEYS_NOT_BOUND,
          "the evidence's report data is not SHA-512 of the described TLS and ledger keys: the"
              + " keys are not the ones the TEE attested");
    }
    requireLedgerKey(described);
    if (!MessageDigest.isEqual(presentedTlsKey, described.tlsPublicKey())) {
      throw new CasVerificationException(
          Reason.TLS_KEY_MISMATCH,
          "the connection presented another TLS key than the attested one (a machine in the"
              + " middle, or a CAS that answers for another)");
    }
    requireConsistent(described, claims);
    CasMeasurement measurement = measurement(claims);
    if (!expectations.measurements().isEmpty()
        && !expectations.measurements().contains(measurement)) {
      throw new CasVerificationException(
          Reason.MEASUREMENT_MISMATCH,
          "measurement " + measurement + " is none of the expected " + expectations.measurements());
    }
    Set<Tolerance> tolerated = requireTolerated(claims, expectations);
    return new CasPin(
        url,
        name,
        described.tlsPublicKey(),
        described.ledgerVerifierKey(),
        measurement,
        SelfAttestation.teeName(claims.platform()),
        claims.simulated(),
        tolerated,
        claims.verifiedAt());
  }

  private static Evidence evidence(SelfDescription described) throws CasVerificationException {
    try {
      return new Evidence(EvidenceType.fromCliName(described.evidenceType()), described.evidence());
    } catch (IllegalArgumentException e) {
      throw new CasVerificationException(
          Reason.MALFORMED_DESCRIPTION, "evidenceType: " + e.getMessage(), e);
    }
  }

  private VerifiedClaims verifyEvidence(
      Evidence evidence, CasExpectations expectations, Instant now)
      throws CasVerificationException {
    VerificationOptions options = VerificationOptions.at(now);
    if (expectations.tolerates(Tolerance.SIMULATION)) {
      options = options.allowingSimulation();
    }
    try {
      return verifier.verify(evidence, collateral, options);
    } catch (AttestationException e) {
      if (e.reason() == AttestationException.Reason.SIMULATION_NOT_ALLOWED) {
        throw new CasVerificationException(
            Reason.SIMULATION_NOT_TOLERATED,
            "the CAS's evidence is simulated: no TEE protects it; \"simulation\" is not tolerated",
            e);
      }
      throw new CasVerificationException(
          Reason.EVIDENCE_INVALID,
          "the CAS's "
              + evidence.type().cliName()
              + " evidence does not verify: "
              + e.reason()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void requireLedgerKey(SelfDescription described) throws CasVerificationException {
    NoteVerifier vkey;
    try {
      vkey = NoteVerifier.parse(described.ledgerVerifierKey());
    } catch (NoteException e) {
      throw new CasVerificationException(
          Reason.MALFORMED_DESCRIPTION, "ledgerVerifierKey: " + e.getMessage(), e);
    }
    if (!(vkey instanceof Ed25519NoteVerifier ed)) {
      throw new CasVerificationException(
          Reason.LEDGER_KEY_MISMATCH, "ledgerVerifierKey: not an Ed25519 key");
    }
    byte[] spki;
    try {
      spki =
          new SubjectPublicKeyInfo(
                  new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519), ed.publicKey())
              .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode an Ed25519 public key", e);
    }
    if (!MessageDigest.isEqual(spki, described.ledgerPublicKey())) {
      throw new CasVerificationException(
          Reason.LEDGER_KEY_MISMATCH,
          "ledgerVerifierKey " + vkey + " is not the attested ledger key");
    }
  }

  private static void requireConsistent(SelfDescription described, VerifiedClaims claims)
      throws CasVerificationException {
    String tee = SelfAttestation.teeName(claims.platform());
    if (described.simulated() != claims.simulated() || !described.tee().equals(tee)) {
      throw new CasVerificationException(
          Reason.DESCRIPTION_MISMATCH,
          "the CAS describes itself as tee "
              + described.tee()
              + (described.simulated() ? " (simulated)" : "")
              + ", its evidence is "
              + tee
              + (claims.simulated() ? " (simulated)" : ""));
    }
  }

  /** The claim that measures the code: mrEnclave, mrTd, or measurement. */
  private static CasMeasurement measurement(VerifiedClaims claims) throws CasVerificationException {
    String claim =
        switch (claims.platform()) {
          case SGX -> "mrEnclave";
          case TDX -> "mrTd";
          case SNP, SIMULATION -> "measurement";
        };
    Optional<ClaimValue> value = claims.claim(claim);
    if (value.isEmpty() || !(value.get() instanceof ClaimValue.Bytes bytes)) {
      throw new CasVerificationException(
          Reason.DESCRIPTION_MISMATCH, "the verified evidence has no " + claim + " claim");
    }
    try {
      return new CasMeasurement(bytes.value());
    } catch (IllegalArgumentException e) {
      throw new CasVerificationException(
          Reason.DESCRIPTION_MISMATCH, claim + ": " + e.getMessage(), e);
    }
  }

  /** The tolerances the evidence needs, each of them among the expected ones. */
  private static Set<Tolerance> requireTolerated(
      VerifiedClaims claims, CasExpectations expectations) throws CasVerificationException {
    if (claims.simulated() && !expectations.tolerates(Tolerance.SIMULATION)) {
      throw new CasVerificationException(
          Reason.SIMULATION_NOT_TOLERATED, "simulated evidence; \"simulation\" is not tolerated");
    }
    if (claims.debug() && !expectations.tolerates(Tolerance.DEBUG)) {
      throw new CasVerificationException(
          Reason.NOT_TOLERATED,
          "the CAS runs in a debug TEE, whose memory the host can read; \"debug\" is not"
              + " tolerated");
    }
    Optional<Set<Tolerance>> needed = TcbRequirement.of(claims.tcbStatus(), claims.platform());
    if (needed.isEmpty()) {
      throw new CasVerificationException(
          Reason.NOT_TOLERATED,
          "TCB status " + claims.tcbStatus() + " was not evaluated; no tolerance admits it");
    }
    Set<Tolerance> missing = EnumSet.noneOf(Tolerance.class);
    missing.addAll(needed.get());
    missing.removeAll(expectations.tolerated());
    if (!missing.isEmpty()) {
      throw new CasVerificationException(
          Reason.NOT_TOLERATED,
          "TCB status "
              + claims.tcbStatus()
              + " needs "
              + names(missing)
              + " tolerated (--tolerate)");
    }
    Set<Tolerance> used = EnumSet.noneOf(Tolerance.class);
    used.addAll(needed.get());
    if (claims.simulated()) {
      used.add(Tolerance.SIMULATION);
    }
    if (claims.debug()) {
      used.add(Tolerance.DEBUG);
    }
    return used;
  }

  private static String names(Set<Tolerance> tolerances) {
    return tolerances.stream().map(Tolerance::yamlName).collect(Collectors.joining(","));
  }
}
