package io.coffer.cas.attest;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.ClaimValue;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.cas.events.AttestationFailed.Reason;
import io.coffer.cas.events.AttestationSucceeded;
import io.coffer.cas.events.EventCodec;
import io.coffer.cas.events.SecretReleased;
import io.coffer.cas.pki.CertificateAuthority;
import io.coffer.cas.pki.CertificateAuthorityException;
import io.coffer.cas.pki.IssuedCertificate;
import io.coffer.cas.pki.SpiffeId;
import io.coffer.cas.provision.ConfigurationJwe;
import io.coffer.cas.service.ActivePolicy;
import io.coffer.cas.service.CasException;
import io.coffer.cas.service.CasException.Type;
import io.coffer.cas.service.PolicyDirectory;
import io.coffer.cas.store.CasStore;
import io.coffer.cas.vault.SecretVault;
import io.coffer.cas.vault.SharingRefused;
import io.coffer.policy.matching.MatchResult;
import io.coffer.policy.matching.Matcher;
import io.coffer.policy.model.LocalName;
import io.coffer.policy.model.PolicyName;
import io.coffer.policy.model.Service;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits attested workloads: the CAS's side of the background-check protocol (RFC 9334 §5.2).
 *
 * <ol>
 *   <li>{@link #challenge}: a nonce for a service of a policy ({@link Nonces}).
 *   <li>{@link #attest}: checks the nonce, the workload's key, the evidence (with the attestation
 *       library and the CAS's collateral), that the evidence binds the key to the nonce, and the
 *       claims against the service's identity and the policy's security section; then issues a
 *       certificate for the key, assembles the configuration, encrypts it to the key, and records
 *       {@code attestation.succeeded} and {@code secret.released} together with the nonce's use in
 *       one durable write. Only then is the answer returned.
 * </ol>
 *
 * <p>Every attempt whose policy and service are named is recorded: a refusal as {@code
 * attestation.failed} with every reason found, and the nonce used up with it.
 *
 * <p>Security guarantees: nothing is released unless every check passed and the record of it is
 * durable; a nonce admits at most one attempt, in any CAS process sharing the store; the
 * configuration is readable only with the private key the evidence binds.
 *
 * <p>Not protected against: a workload that leaks its own key or configuration after admission;
 * evidence from a platform the trust anchors wrongly trust.
 */
public final class Attestations {

  private static final Logger LOG = LoggerFactory.getLogger(Attestations.class);

  /**
   * Every this many used nonces, the write that uses one also drops the records of nonces that
   * expired (they are refused by their expiry already).
   */
  static final int PURGE_EVERY = 1024;

  /** How long a workload certificate is valid by default. */
  public static final Duration DEFAULT_CERTIFICATE_VALIDITY = Duration.ofHours(24);

  private final CasStore store;
  private final PolicyDirectory policies;
  private final SecretVault vault;
  private final Provisioning provisioning;
  private final EvidenceCheck verifier;
  private final Collateral collateral;
  private final Nonces nonces;
  private final ResultTokens tokens;
  private final AttestationOutcomes outcomes;
  private final Refusals refusals;
  private final Settings settings;
  private final java.util.concurrent.atomic.AtomicLong sincePurge =
      new java.util.concurrent.atomic.AtomicLong();
  private final InstantSource clock;
  private final SecureRandom random;

  /**
   * How the CAS admits workloads.
   *
   * @param trustDomain the SPIFFE trust domain of workload certificates
   * @param certificateValidity how long a workload certificate is valid
   */
  public record Settings(String trustDomain, Duration certificateValidity) {
    public Settings {
      Objects.requireNonNull(trustDomain, "trustDomain");
      if (certificateValidity.isNegative() || certificateValidity.isZero()) {
        throw new IllegalArgumentException("the certificate validity must be positive");
      }
    }
  }

  /** Everything admission uses. */
  public record Parts(
      CasStore store,
      PolicyDirectory policies,
      SecretVault vault,
      io.coffer.cas.vault.Sharing sharing,
      io.coffer.cas.vault.VolumeTags tags,
      EvidenceCheck verifier,
      Collateral collateral,
      Nonces nonces,
      ResultTokens tokens,
      AttestationOutcomes outcomes) {}

  public Attestations(Parts parts, Settings settings, InstantSource clock, SecureRandom random) {
    this.store = Objects.requireNonNull(parts.store(), "store");
    this.policies = Objects.requireNonNull(parts.policies(), "policies");
    this.vault = Objects.requireNonNull(parts.vault(), "vault");
    this.provisioning = new Provisioning(parts.vault(), parts.sharing(), parts.tags());
    this.verifier = Objects.requireNonNull(parts.verifier(), "verifier");
    this.collateral = Objects.requireNonNull(parts.collateral(), "collateral");
    this.nonces = Objects.requireNonNull(parts.nonces(), "nonces");
    this.tokens = Objects.requireNonNull(parts.tokens(), "tokens");
    this.outcomes = Objects.requireNonNull(parts.outcomes(), "outcomes");
    this.refusals = new Refusals(store, outcomes, clock);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * A challenge for {@code service} of {@code policy}.
   *
   * @throws CasException {@code BAD_REQUEST} for a name that cannot be a policy or service
   * @throws AttestationRefused {@code UNKNOWN_SERVICE} when the policy has no such service
   */
  public Challenge challenge(String policy, String service)
      throws CasException, AttestationRefused {
    requireNames(policy, service);
    Optional<ActivePolicy> p = policies.current(policy);
    if (p.isEmpty() || p.get().policy().service(service).isEmpty()) {
      throw unknown(policy, service);
    }
    return nonces.issue(policy, service);
  }

  /**
   * Admits a workload, or refuses it with every reason.
   *
   * @throws AttestationRefused the workload is not admitted; the refusal is recorded
   * @throws CasException the store failed ({@code UNAVAILABLE}), nothing released
   */
  public Admission attest(AttestRequest request) throws CasException, AttestationRefused {
    Nonces.Checked nonce;
    try {
      nonce = nonces.check(request.nonce());
    } catch (AttestationRefused e) {
      // A nonce that is not ours names nothing we can trust; the names the request claims, if
      // any, are recorded.
      if (request.policy().isPresent() && request.service().isPresent()) {
        refusals.record(
            request.policy().get(), request.service().get(), Optional.empty(), request, e);
      }
      throw e;
    }
    if (!request.policy().orElse(nonce.policy()).equals(nonce.policy())
        || !request.service().orElse(nonce.service()).equals(nonce.service())) {
      AttestationRefused e =
          new AttestationRefused(
              Reason.NONCE_MISMATCH, "the nonce was issued for another policy or service");
      refusals.record(
          request.policy().orElse(nonce.policy()),
          request.service().orElse(nonce.service()),
          Optional.of(nonce),
          request,
          e);
      throw e;
    }
    try {
      return admit(request, nonce);
    } catch (AttestationRefused e) {
      refusals.record(nonce.policy(), nonce.service(), Optional.of(nonce), request, e);
      throw e;
    }
  }

  private Admission admit(AttestRequest request, Nonces.Checked nonce)
      throws CasException, AttestationRefused {
    String policyName = nonce.policy();
    String serviceName = nonce.service();
    WorkloadKey key = WorkloadKey.parse(request.publicKey());
    ActivePolicy policy =
        policies.current(policyName).orElseThrow(() -> unknown(policyName, serviceName));
    Service service =
        policy.policy().service(serviceName).orElseThrow(() -> unknown(policyName, serviceName));
    Instant now = clock.instant();
    checkType(request);
    VerifiedClaims claims;
    try {
      claims =
          verifier.verify(
              new Evidence(request.evidenceType(), request.evidence()),
              collateral,
              VerificationOptions.at(now).allowingSimulation());
    } catch (AttestationException e) {
      throw new AttestationRefused(
          List.of(Reason.EVIDENCE_INVALID),
          "the evidence does not verify (" + e.reason() + "): " + e.getMessage(),
          e);
    } catch (IllegalArgumentException e) {
      throw new AttestationRefused(
          List.of(Reason.EVIDENCE_INVALID), "the evidence is malformed: " + e.getMessage(), e);
    }
    key.checkBinding(claims.reportData(), request.nonce());
    MatchResult match = Matcher.match(service.identity(), claims, policy.policy().security());
    if (match instanceof MatchResult.Rejected rejected) {
      throw MatchReasons.refusal(rejected);
    }
    SpiffeId spiffe;
    try {
      spiffe = new SpiffeId(settings.trustDomain(), policyName, serviceName);
    } catch (IllegalArgumentException e) {
      throw new AttestationRefused(
          List.of(Reason.CERTIFICATE_UNAVAILABLE),
          "no certificate can name this workload: " + e.getMessage(),
          e);
    }
    CertificateAuthority ca = vault.policyCa(policyName);
    IssuedCertificate leaf;
    try {
      leaf =
          ca.issueInstanceEncoded(key.key(), spiffe, now, settings.certificateValidity(), random);
    } catch (CertificateAuthorityException e) {
      throw new AttestationRefused(
          List.of(Reason.CERTIFICATE_UNAVAILABLE),
          "the policy's certificate authority cannot issue now (" + e.reason() + ")",
          e);
    }
    List<byte[]> chain = List.of(leaf.der(), ca.encoded());
    String serial = leaf.serial().toString(16);
    String token =
        tokens.issue(policy, serviceName, claims, key, request.nonce(), spiffe, leaf.notAfter());
    Provisioning.Built built;
    try {
      built =
          provisioning.build(
              policy,
              service,
              new Provisioning.Identity(spiffe.uri().toString(), chain, ca, token));
    } catch (SharingRefused e) {
      throw new AttestationRefused(List.of(Reason.SECRET_UNAVAILABLE), e.getMessage(), e);
    }
    String jwe = ConfigurationJwe.encrypt(built.json(), key.attested());
    AttestationSucceeded succeeded =
        new AttestationSucceeded(
            now,
            policyName,
            policy.hash(),
            serviceName,
            claims.evidenceType().cliName(),
            measurements(claims),
            claims.tcbStatus().text(),
            claims.advisoryIds(),
            claims.simulated(),
            claims.debug(),
            key.sha256Hex(),
            serial);
    // Encoded here, not on the store's single writer thread.
    byte[] admittedEntry = EventCodec.encode(succeeded);
    Optional<byte[]> releasedEntry =
        built.released().isEmpty()
            ? Optional.empty()
            : Optional.of(
                EventCodec.encode(
                    new SecretReleased(
                        now,
                        policyName,
                        Optional.of(serviceName),
                        Optional.empty(),
                        built.released(),
                        Optional.of(serial))));
    try {
      boolean purge = sincePurge.incrementAndGet() % PURGE_EVERY == 0;
      store.write(tx -> {
        tx.useNonce(nonce.id(), nonce.expiresAt());
        if (purge) {
          tx.purgeNonces(now.minus(Duration.ofMinutes(1)));
        }
        tx.appendEvent(admittedEntry);
        if (releasedEntry.isPresent()) {
          tx.appendEvent(releasedEntry.get());
        }
        return null;
      });
    } catch (CasException e) {
      if (e.type() == Type.ALREADY_EXISTS) {
        throw new AttestationRefused(
            Reason.NONCE_REPLAYED, "the nonce was used before; ask for a new challenge");
      }
      throw e;
    }
    outcomes.admitted(claims.evidenceType().cliName());
    // The ledger records every admission; the log line is for debugging (thousands a second).
    LOG.atDebug()
        .addKeyValue("policy", policyName)
        .addKeyValue("service", serviceName)
        .addKeyValue("platform", claims.evidenceType().cliName())
        .addKeyValue("serial", serial)
        .log("admitted a workload");
    return new Admission(policyName, policy.hash(), serviceName, jwe, chain, leaf.notAfter());
  }

  /**
   * Refuses evidence whose format is recognisably another than the one declared (an SGX quote sent
   * as TDX evidence). Evidence of no recognisable format is left to the verifier to refuse.
   */
  private static void checkType(AttestRequest request) throws AttestationRefused {
    io.coffer.attestation.EvidenceType detected;
    try {
      detected = io.coffer.attestation.verifier.EvidenceDetector.detect(request.evidence());
    } catch (AttestationException e) {
      return;
    }
    boolean snpFamily =
        detected.platform() == request.evidenceType().platform()
            && detected.platform() == io.coffer.attestation.Platform.SNP;
    if (detected != request.evidenceType() && !snpFamily) {
      throw new AttestationRefused(
          Reason.EVIDENCE_TYPE_MISMATCH,
          "the evidence is "
              + detected.cliName()
              + " evidence, not "
              + request.evidenceType().cliName());
    }
  }

  /** The byte claims but the report data, in the report's order, as hex. */
  private static Map<String, String> measurements(VerifiedClaims claims) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, ClaimValue> e : claims.claims().entrySet()) {
      if (e.getValue() instanceof ClaimValue.Bytes b && !e.getKey().equals("reportData")) {
        out.put(e.getKey(), HexFormat.of().formatHex(b.value()));
      }
    }
    return out;
  }

  private static void requireNames(String policy, String service) throws CasException {
    String problem = PolicyName.problem(policy);
    if (problem != null) {
      throw new CasException(Type.BAD_REQUEST, "policy: " + problem);
    }
    if (!LocalName.isValid(service)) {
      throw new CasException(
          Type.BAD_REQUEST,
          "service: 1 to 64 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
    }
  }

  private static AttestationRefused unknown(String policy, String service) {
    return new AttestationRefused(
        Reason.UNKNOWN_SERVICE, "there is no service " + service + " in a policy " + policy);
  }
}
