package io.coffer.attestation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What verified evidence proves: the platform, its TCB status, and the measurements and other
 * fields of the report, by their specification names in lower camel case ({@code mrEnclave}, {@code
 * rtmr0}, {@code hostData}, ...).
 *
 * <p>Only verifiers in {@code io.coffer.attestation} create these (an architecture rule enforces
 * it): holding a {@code VerifiedClaims} means the evidence's signatures, certificate chains and,
 * unless {@link #tcbStatus()} is {@link TcbStatus#UNKNOWN}, its TCB collateral were checked at
 * {@link #verifiedAt()}. What the claims mean for admission is for a policy to decide: a debug
 * enclave or an out-of-date TCB is reported here, not refused.
 */
public final class VerifiedClaims {

  private final EvidenceType evidenceType;
  private final TcbStatus tcbStatus;
  private final List<String> advisoryIds;
  private final boolean debug;
  private final byte[] reportData;
  private final Map<String, ClaimValue> claims;
  private final Instant verifiedAt;
  private final Instant collateralValidFrom;
  private final Instant collateralValidUntil;

  private VerifiedClaims(Builder b) {
    this.evidenceType = Objects.requireNonNull(b.evidenceType, "evidenceType");
    this.tcbStatus = Objects.requireNonNull(b.tcbStatus, "tcbStatus");
    this.advisoryIds = List.copyOf(b.advisoryIds);
    this.debug = b.debug;
    this.reportData = Objects.requireNonNull(b.reportData, "reportData").clone();
    this.claims = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.claims));
    this.verifiedAt = Objects.requireNonNull(b.verifiedAt, "verifiedAt");
    this.collateralValidFrom = b.collateralValidFrom;
    this.collateralValidUntil = b.collateralValidUntil;
  }

  /** A builder; for verifiers only. */
  public static Builder builder(EvidenceType evidenceType, Instant verifiedAt) {
    return new Builder(evidenceType, verifiedAt);
  }

  /** The format of the evidence that was verified. */
  public EvidenceType evidenceType() {
    return evidenceType;
  }

  /** The platform that produced the evidence. */
  public Platform platform() {
    return evidenceType.platform();
  }

  /** Whether the evidence came from the simulator, not a TEE. */
  public boolean simulated() {
    return evidenceType.platform() == Platform.SIMULATION;
  }

  /** The TCB status found. */
  public TcbStatus tcbStatus() {
    return tcbStatus;
  }

  /** Advisory IDs (for example {@code INTEL-SA-00615}) that apply to the TCB level found. */
  public List<String> advisoryIds() {
    return advisoryIds;
  }

  /** Whether the TEE runs in debug mode (its memory is then readable by the host). */
  public boolean debug() {
    return debug;
  }

  /** The 64 bytes of report data the workload put into the evidence. */
  public byte[] reportData() {
    return reportData.clone();
  }

  /** Every claim by name, in the order the report defines them. */
  public Map<String, ClaimValue> claims() {
    return claims;
  }

  /** One claim, if the evidence has it. */
  public Optional<ClaimValue> claim(String name) {
    return Optional.ofNullable(claims.get(name));
  }

  /** The instant verification was done for. */
  public Instant verifiedAt() {
    return verifiedAt;
  }

  /** The start of the window in which all collateral and certificates used are valid. */
  public Optional<Instant> collateralValidFrom() {
    return Optional.ofNullable(collateralValidFrom);
  }

  /** The end of that window: evidence verified now must be verified again after it. */
  public Optional<Instant> collateralValidUntil() {
    return Optional.ofNullable(collateralValidUntil);
  }

  @Override
  public String toString() {
    return "VerifiedClaims["
        + evidenceType.cliName()
        + ", "
        + tcbStatus
        + (debug ? ", debug" : "")
        + ", "
        + claims.keySet()
        + "]";
  }

  /** Collects claims while a verifier works; {@link #build} freezes them. */
  public static final class Builder {
    private final EvidenceType evidenceType;
    private final Instant verifiedAt;
    private TcbStatus tcbStatus = TcbStatus.UNKNOWN;
    private List<String> advisoryIds = List.of();
    private boolean debug;
    private byte[] reportData;
    private final Map<String, ClaimValue> claims = new LinkedHashMap<>();
    private Instant collateralValidFrom;
    private Instant collateralValidUntil;

    private Builder(EvidenceType evidenceType, Instant verifiedAt) {
      this.evidenceType = evidenceType;
      this.verifiedAt = verifiedAt;
    }

    public Builder tcbStatus(TcbStatus status) {
      this.tcbStatus = status;
      return this;
    }

    public Builder advisoryIds(List<String> ids) {
      this.advisoryIds = List.copyOf(ids);
      return this;
    }

    public Builder debug(boolean debug) {
      this.debug = debug;
      return this;
    }

    public Builder reportData(byte[] reportData) {
      if (reportData.length != 64) {
        throw new IllegalArgumentException("report data is 64 bytes, got " + reportData.length);
      }
      this.reportData = reportData.clone();
      return this;
    }

    public Builder bytes(String name, byte[] value) {
      claims.put(name, new ClaimValue.Bytes(value));
      return this;
    }

    public Builder number(String name, long value) {
      claims.put(name, new ClaimValue.Number(value));
      return this;
    }

    public Builder flag(String name, boolean value) {
      claims.put(name, new ClaimValue.Flag(value));
      return this;
    }

    public Builder text(String name, String value) {
      claims.put(name, new ClaimValue.Text(value));
      return this;
    }

    /** Narrows the collateral validity window to {@code [from, until]}. */
    public Builder collateralValidity(Instant from, Instant until) {
      if (collateralValidFrom == null || from.isAfter(collateralValidFrom)) {
        collateralValidFrom = from;
      }
      if (collateralValidUntil == null || until.isBefore(collateralValidUntil)) {
        collateralValidUntil = until;
      }
      return this;
    }

    public VerifiedClaims build() {
      return new VerifiedClaims(this);
    }
  }
}
