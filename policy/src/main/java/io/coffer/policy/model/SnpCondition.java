package io.coffer.policy.model;

import io.coffer.attestation.Platform;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An SEV-SNP alternative ({@code snp:} in YAML), for plain and Azure HCL reports alike. Compared
 * with the claims {@code measurement}, {@code hostData}, {@code idKeyDigest}, {@code
 * authorKeyDigest}, {@code reportedTcbBootloader}, {@code ...Tee}, {@code ...Snp}, {@code
 * ...Microcode}, {@code ...Fmc} and {@code vmpl}.
 *
 * <p>Identification: at least one of {@code measurement} (the launch digest), {@code id_key_digest}
 * or {@code author_key_digest} (keys whose signature over the launch digest the firmware checked)
 * must be given. HOST_DATA is chosen by the host at launch, and TCB and VMPL bounds say nothing
 * about the code: alone they would admit any guest.
 *
 * @param measurement the required MEASUREMENT
 * @param hostData the required HOST_DATA
 * @param idKeyDigest the required ID_KEY_DIGEST
 * @param authorKeyDigest the required AUTHOR_KEY_DIGEST
 * @param minTcb the lowest accepted REPORTED_TCB components
 * @param vmplMax the highest accepted VMPL, 0..3
 */
public record SnpCondition(
    Optional<Bytes48> measurement,
    Optional<Bytes32> hostData,
    Optional<Bytes48> idKeyDigest,
    Optional<Bytes48> authorKeyDigest,
    Optional<SnpTcb> minTcb,
    OptionalInt vmplMax)
    implements PlatformCondition {

  /** The highest VMPL (SEV-SNP has four privilege levels, 0 the most privileged). */
  public static final int MAX_VMPL = 3;

  /**
   * @throws InvalidValueException naming {@code vmpl_max} when out of range, or the alternative as
   *     a whole when it names none of measurement, id_key_digest, author_key_digest
   */
  public SnpCondition {
    Objects.requireNonNull(measurement, "measurement");
    Objects.requireNonNull(hostData, "hostData");
    Objects.requireNonNull(idKeyDigest, "idKeyDigest");
    Objects.requireNonNull(authorKeyDigest, "authorKeyDigest");
    Objects.requireNonNull(minTcb, "minTcb");
    Objects.requireNonNull(vmplMax, "vmplMax");
    Ranges.check(vmplMax, 0, MAX_VMPL, "vmpl_max");
    if (measurement.isEmpty() && idKeyDigest.isEmpty() && authorKeyDigest.isEmpty()) {
      throw new InvalidValueException(
          "",
          "an snp alternative must name measurement, id_key_digest or author_key_digest;"
              + " host_data, min_tcb and vmpl_max alone admit any guest");
    }
  }

  @Override
  public Platform platform() {
    return Platform.SNP;
  }

  @Override
  public String yamlName() {
    return "snp";
  }
}
