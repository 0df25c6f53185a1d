package io.coffer.cas.provision;

import io.coffer.attestation.TcbStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An AR4SI trustworthiness vector (draft-ietf-rats-ar4si §2.3.5): a value per claim, each a signed
 * 8-bit integer whose range gives its tier (§2.3.2). A claim that is absent makes no assertion.
 *
 * <p>The CAS's mapping ({@link #of(EarAppraisal)}) from an admission to the values of §2.3.4. The
 * baseline is what every admission proved: the evidence's signature chain is the platform's ({@code
 * instance-identity} 2), the TCB is up to date ({@code hardware} 2), the measurements are those the
 * policy approved ({@code executables} 2), the platform configuration needs nothing ({@code
 * configuration} 2) and the TEE's memory is encrypted ({@code runtime-opaque} 2). Each finding
 * below raises the claims it names; where several apply, the value of the worst tier wins (§2.3.3:
 * contraindicated before warning before affirming):
 *
 * <table>
 *   <caption>Findings and the values they set</caption>
 *   <tr><th>finding</th><th>claim = value (tier)</th></tr>
 *   <tr><td>TCB {@code SWHardeningNeeded}, {@code OutOfDate}, {@code TDRelaunchAdvised}</td>
 *       <td>hardware = 32: genuine, but known vulnerabilities (warning)</td></tr>
 *   <tr><td>TCB {@code ConfigurationNeeded}</td>
 *       <td>configuration = 32: exposes known vulnerabilities (warning)</td></tr>
 *   <tr><td>TCB {@code ConfigurationAndSWHardeningNeeded}, {@code OutOfDateConfigurationNeeded},
 *       {@code TDRelaunchAdvisedConfigurationNeeded}</td>
 *       <td>hardware = 32 and configuration = 32 (warning)</td></tr>
 *   <tr><td>TCB {@code Unknown} (signatures only, no TCB collateral)</td>
 *       <td>hardware absent (no assertion); configuration = 36: security-relevant elements
 *       unavailable to the verifier (warning)</td></tr>
 *   <tr><td>debug TEE</td>
 *       <td>instance-identity = 96: recognised but not trustworthy; runtime-opaque = 96: memory
 *       visible to the host (contraindicated)</td></tr>
 *   <tr><td>simulation</td>
 *       <td>instance-identity = 96 (a software key anyone with its file can use); hardware = 97:
 *       no TEE hardware recognised; runtime-opaque = 96 (contraindicated)</td></tr>
 * </table>
 *
 * <p>So a simulated or debug result is {@code contraindicated} and never {@code affirming}, and a
 * tolerated TCB finding is a {@code warning}. {@code file-system}, {@code storage-opaque} and
 * {@code sourced-data} are not appraised at attestation and are absent.
 *
 * @param claims the values by claim (copied)
 */
public record TrustworthinessVector(Map<TrustClaim, Integer> claims) {

  private static final int AFFIRMED = 2;
  private static final int KNOWN_VULNERABILITIES = 32;
  private static final int CONFIGURATION_UNAVAILABLE = 36;
  private static final int NOT_TRUSTWORTHY = 96;
  private static final int HARDWARE_NOT_RECOGNISED = 97;

  /**
   * @throws IllegalArgumentException for a value outside the signed 8-bit range
   */
  public TrustworthinessVector {
    Objects.requireNonNull(claims, "claims");
    EnumMap<TrustClaim, Integer> copy = new EnumMap<>(TrustClaim.class);
    claims.forEach((claim, value) -> {
      TrustTier.ofClaimValue(Objects.requireNonNull(value, "value"));
      copy.put(Objects.requireNonNull(claim, "claim"), value);
    });
    claims = Collections.unmodifiableMap(copy);
  }

  /** The vector for {@code appraisal}, by the mapping in the class description. */
  public static TrustworthinessVector of(EarAppraisal appraisal) {
    EnumMap<TrustClaim, Integer> v = new EnumMap<>(TrustClaim.class);
    v.put(TrustClaim.INSTANCE_IDENTITY, AFFIRMED);
    v.put(TrustClaim.CONFIGURATION, AFFIRMED);
    v.put(TrustClaim.EXECUTABLES, AFFIRMED);
    v.put(TrustClaim.HARDWARE, AFFIRMED);
    v.put(TrustClaim.RUNTIME_OPAQUE, AFFIRMED);
    TcbStatus tcb = appraisal.tcbStatus();
    switch (tcb) {
      case UP_TO_DATE -> {}
      case SW_HARDENING_NEEDED, OUT_OF_DATE, TD_RELAUNCH_ADVISED ->
          raise(v, TrustClaim.HARDWARE, KNOWN_VULNERABILITIES);
      case CONFIGURATION_NEEDED -> raise(v, TrustClaim.CONFIGURATION, KNOWN_VULNERABILITIES);
      case CONFIGURATION_AND_SW_HARDENING_NEEDED,
          OUT_OF_DATE_CONFIGURATION_NEEDED,
          TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED -> {
        raise(v, TrustClaim.HARDWARE, KNOWN_VULNERABILITIES);
        raise(v, TrustClaim.CONFIGURATION, KNOWN_VULNERABILITIES);
      }
      case UNKNOWN -> {
        v.remove(TrustClaim.HARDWARE);
        raise(v, TrustClaim.CONFIGURATION, CONFIGURATION_UNAVAILABLE);
      }
    }
    if (appraisal.debug()) {
      raise(v, TrustClaim.INSTANCE_IDENTITY, NOT_TRUSTWORTHY);
      raise(v, TrustClaim.RUNTIME_OPAQUE, NOT_TRUSTWORTHY);
    }
    if (appraisal.simulated()) {
      raise(v, TrustClaim.INSTANCE_IDENTITY, NOT_TRUSTWORTHY);
      raise(v, TrustClaim.HARDWARE, HARDWARE_NOT_RECOGNISED);
      raise(v, TrustClaim.RUNTIME_OPAQUE, NOT_TRUSTWORTHY);
    }
    return new TrustworthinessVector(v);
  }

  /** The value of {@code claim}, 0 (no assertion, §2.3.2) when absent. */
  public int value(TrustClaim claim) {
    return claims.getOrDefault(claim, 0);
  }

  /**
   * The status this vector allows: the worst tier among its claims (EAR §3.1: no higher trust than
   * the worst claim), {@link TrustTier#NONE} for an empty vector.
   */
  public TrustTier status() {
    TrustTier worst = TrustTier.NONE;
    for (int value : claims.values()) {
      worst = worst.worse(TrustTier.ofClaimValue(value));
    }
    return worst;
  }

  /** The JSON object of §3.1: claim names to integers. */
  Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    claims.forEach((claim, value) -> json.put(claim.json(), (long) value));
    return json;
  }

  // §2.3.3: a finding never lowers a claim to a tier of less concern.
  private static void raise(Map<TrustClaim, Integer> v, TrustClaim claim, int value) {
    Integer current = v.get(claim);
    if (current == null
        || TrustTier.ofClaimValue(value).compareTo(TrustTier.ofClaimValue(current)) > 0) {
      v.put(claim, value);
    }
  }
}
