package io.coffer.policy.model;

import io.coffer.attestation.Platform;
import java.util.Objects;
import java.util.Optional;

/**
 * A TDX alternative ({@code tdx:} in YAML). Compared with the claims {@code mrTd}, {@code
 * rtmr0}..{@code rtmr3}, {@code mrConfigId} and {@code teeTcbSvn}.
 *
 * <p>Identification: {@code mrtd} is required. It is the only one of these values the TDX module
 * measures before the trust domain runs: RTMRs are extended by the trust domain's own software, so
 * a trust domain with other initial code can reproduce any RTMR value it knows the event log of,
 * and MRCONFIGID is chosen by the host that creates the trust domain. Without {@code mrtd} an
 * alternative would admit any code.
 *
 * @param mrtd the required MRTD
 * @param rtmr0 the required RTMR[0]
 * @param rtmr1 the required RTMR[1]
 * @param rtmr2 the required RTMR[2]
 * @param rtmr3 the required RTMR[3]
 * @param mrconfigid the required MRCONFIGID
 * @param teeTcbSvnMin the lowest accepted TEE_TCB_SVN, compared byte by byte
 */
public record TdxCondition(
    Optional<Bytes48> mrtd,
    Optional<Bytes48> rtmr0,
    Optional<Bytes48> rtmr1,
    Optional<Bytes48> rtmr2,
    Optional<Bytes48> rtmr3,
    Optional<Bytes48> mrconfigid,
    Optional<Bytes16> teeTcbSvnMin)
    implements PlatformCondition {

  /**
   * @throws InvalidValueException for the alternative as a whole when it does not name {@code mrtd}
   */
  public TdxCondition {
    Objects.requireNonNull(mrtd, "mrtd");
    Objects.requireNonNull(rtmr0, "rtmr0");
    Objects.requireNonNull(rtmr1, "rtmr1");
    Objects.requireNonNull(rtmr2, "rtmr2");
    Objects.requireNonNull(rtmr3, "rtmr3");
    Objects.requireNonNull(mrconfigid, "mrconfigid");
    Objects.requireNonNull(teeTcbSvnMin, "teeTcbSvnMin");
    if (mrtd.isEmpty()) {
      throw new InvalidValueException(
          "",
          "a tdx alternative must name mrtd; RTMRs, MRCONFIGID and TCB minimums alone admit any"
              + " trust domain");
    }
  }

  /** RTMR[{@code index}]'s required value. */
  public Optional<Bytes48> rtmr(int index) {
    return switch (index) {
      case 0 -> rtmr0;
      case 1 -> rtmr1;
      case 2 -> rtmr2;
      case 3 -> rtmr3;
      default -> throw new IndexOutOfBoundsException("RTMR " + index);
    };
  }

  @Override
  public Platform platform() {
    return Platform.TDX;
  }

  @Override
  public String yamlName() {
    return "tdx";
  }
}
