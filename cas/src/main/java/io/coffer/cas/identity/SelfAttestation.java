package io.coffer.cas.identity;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.Platform;
import io.coffer.attestation.collect.EvidenceSource;
import io.coffer.attestation.collect.EvidenceSources;
import io.coffer.cas.identity.IdentityException.Reason;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CAS's evidence about itself: evidence from its TEE whose report data is {@code SHA-512(TLS
 * SPKI || ledger SPKI)} (both DER SubjectPublicKeyInfo, self-delimiting, so the concatenation is
 * unambiguous), collected once when the CAS starts, and the fields of {@code GET /v1/cas} built on
 * it.
 *
 * <p>With {@link TeeMode#AUTO}, the first hardware source found is used (configfs-tsm, then
 * Gramine); with none, the simulator, with a loud warning in the log and in every answer. With
 * {@link TeeMode#SIMULATION} the same warning. The hardware modes fail when their interface is
 * absent.
 *
 * <p>Not protected against: anything, in simulation. A client learns it from {@code simulated} and
 * must tolerate it explicitly ({@link CasVerifier}).
 */
public final class SelfAttestation {

  /** The warning every answer of a simulated CAS carries. */
  public static final String SIMULATION_WARNING =
      "SIMULATION: no TEE protects this CAS; its evidence proves nothing about confidentiality."
          + " For development only.";

  /** The warning added when simulation was chosen because no TEE was found. */
  public static final String NO_TEE_WARNING =
      "no TEE was found on this machine (configfs-tsm, Gramine): simulation was chosen"
          + " automatically";

  private static final Logger LOG = LoggerFactory.getLogger(SelfAttestation.class);

  private final Evidence evidence;
  private final byte[] tlsPublicKey;
  private final byte[] ledgerPublicKey;
  private final String ledgerVerifierKey;
  private final List<String> warnings;

  /**
   * The public keys evidence binds: the TLS key and the ledger key (its SPKI and its C2SP verifier
   * key string). A sealed CAS binds a fresh TLS key with its stored ledger key.
   */
  public record BoundKeys(byte[] tlsPublicKey, byte[] ledgerPublicKey, String ledgerVerifierKey) {

    public BoundKeys {
      tlsPublicKey = tlsPublicKey.clone();
      ledgerPublicKey = ledgerPublicKey.clone();
      Objects.requireNonNull(ledgerVerifierKey, "ledgerVerifierKey");
    }

    /** The public keys of {@code keys}. */
    public static BoundKeys of(CasKeys keys) {
      return new BoundKeys(keys.tlsPublicKey(), keys.ledgerPublicKey(), keys.ledgerVerifierKey());
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

  private SelfAttestation(Evidence evidence, BoundKeys keys, List<String> warnings) {
    this.evidence = evidence;
    this.tlsPublicKey = keys.tlsPublicKey();
    this.ledgerPublicKey = keys.ledgerPublicKey();
    this.ledgerVerifierKey = keys.ledgerVerifierKey();
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Collects evidence binding {@code keys} from the source {@code mode} picks.
   *
   * @param hardware the hardware sources in detection order ({@link EvidenceSources#hardware()})
   * @param simulation how to simulate, when {@code mode} is simulation or auto finds no TEE
   * @throws IdentityException {@code TEE_UNAVAILABLE} when the source asked for is absent, {@code
   *     EVIDENCE_FAILED} when it gives no evidence
   */
  public static SelfAttestation collect(
      TeeMode mode, List<EvidenceSource> hardware, SimulatedTee simulation, CasKeys keys)
      throws IdentityException {
    return collect(mode, hardware, simulation, BoundKeys.of(keys), keys.fingerprint());
  }

  /**
   * Collects evidence binding {@code keys}, as {@link #collect(TeeMode, List, SimulatedTee,
   * CasKeys)} does; {@code fingerprint} names the CAS in the log.
   */
  public static SelfAttestation collect(
      TeeMode mode,
      List<EvidenceSource> hardware,
      SimulatedTee simulation,
      BoundKeys keys,
      String fingerprint)
      throws IdentityException {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(simulation, "simulation");
    List<String> warnings = new ArrayList<>();
    EvidenceSource source =
        switch (mode) {
          case AUTO -> {
            Optional<EvidenceSource> found = EvidenceSources.detect(hardware);
            if (found.isEmpty()) {
              warnings.add(NO_TEE_WARNING);
            }
            yield found.isPresent() ? found.get() : simulation.source();
          }
          case SIMULATION -> simulation.source();
          case CONFIGFS_TSM, GRAMINE -> named(mode, hardware);
        };
    byte[] reportData = reportData(keys.tlsPublicKey(), keys.ledgerPublicKey());
    Evidence evidence;
    try {
      evidence = source.collect(reportData);
    } catch (AttestationException e) {
      throw new IdentityException(
          Reason.EVIDENCE_FAILED,
          source.name() + " did not give evidence: " + e.reason() + ": " + e.getMessage(),
          e);
    }
    if (evidence.type() == EvidenceType.SIMULATION) {
      warnings.addFirst(SIMULATION_WARNING);
      LOG.atWarn()
          .addKeyValue("tee", "simulation")
          .addKeyValue("fingerprint", fingerprint)
          .log(String.join(" ", warnings));
    } else {
      LOG.atInfo()
          .addKeyValue("source", source.name())
          .addKeyValue("evidenceType", evidence.type().cliName())
          .addKeyValue("fingerprint", fingerprint)
          .log("self-attestation collected");
    }
    return new SelfAttestation(evidence, keys, warnings);
  }

  private static EvidenceSource named(TeeMode mode, List<EvidenceSource> hardware)
      throws IdentityException {
    for (EvidenceSource s : hardware) {
      if (s.name().equals(mode.cliName())) {
        if (!s.available()) {
          break;
        }
        return s;
      }
    }
    throw new IdentityException(
        Reason.TEE_UNAVAILABLE, "--tee " + mode.cliName() + ": not available on this machine");
  }

  /** {@code SHA-512(tlsSpki || ledgerSpki)}: the 64 bytes of report data. */
  public static byte[] reportData(byte[] tlsSpki, byte[] ledgerSpki) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-512");
      d.update(tlsSpki);
      d.update(ledgerSpki);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-512", e);
    }
  }

  /** The TEE's name in {@code GET /v1/cas}: {@code sgx-dcap}, {@code tdx}, {@code sev-snp}, ... */
  public String tee() {
    return teeName(evidence.type().platform());
  }

  static String teeName(Platform platform) {
    return switch (platform) {
      case SGX -> "sgx-dcap";
      case TDX -> "tdx";
      case SNP -> "sev-snp";
      case SIMULATION -> "simulation";
    };
  }

  /** Whether the evidence is simulated. */
  public boolean simulated() {
    return evidence.type() == EvidenceType.SIMULATION;
  }

  /** The evidence. */
  public Evidence evidence() {
    return evidence;
  }

  /** Warnings every answer carries; empty for a TEE. */
  public List<String> warnings() {
    return warnings;
  }

  /**
   * What {@code GET /v1/cas} answers now.
   *
   * @param moreWarnings warnings of other parts (the development seal), after this one's
   */
  public SelfDescription describe(
      CasState state,
      Optional<String> checkpoint,
      Optional<UnsealProgress> shamir,
      List<String> moreWarnings) {
    List<String> all = new ArrayList<>(warnings);
    all.addAll(moreWarnings);
    return new SelfDescription(
        state,
        tee(),
        simulated(),
        all,
        evidence.type().cliName(),
        evidence.bytes(),
        tlsPublicKey,
        ledgerPublicKey,
        ledgerVerifierKey,
        checkpoint,
        shamir);
  }

  @Override
  public String toString() {
    return "SelfAttestation[" + tee() + ", " + evidence + "]";
  }
}
