package io.coffer.policy.model;

import io.coffer.attestation.Platform;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An SGX alternative ({@code sgx:} in YAML). Compared with the claims {@code mrEnclave}, {@code
 * mrSigner}, {@code isvProdId} and {@code isvSvn}.
 *
 * <p>Identification: at least one of {@code mrenclave} (the enclave's code) or {@code mrsigner}
 * (the key that signed it) must be given; {@code isvprodid} and the SVN range alone would admit any
 * enclave anyone can build.
 *
 * @param mrenclave accepted MRENCLAVE values, any of them (empty: not constrained); no repeats
 * @param mrsigner the required MRSIGNER
 * @param isvprodid the required ISVPRODID, 0..65535
 * @param isvsvnMin the lowest accepted ISVSVN, 0..65535
 * @param isvsvnMax the highest accepted ISVSVN, 0..65535, at least {@code isvsvnMin}
 */
public record SgxCondition(
    List<Bytes32> mrenclave,
    Optional<Bytes32> mrsigner,
    OptionalInt isvprodid,
    OptionalInt isvsvnMin,
    OptionalInt isvsvnMax)
    implements PlatformCondition {

  /** The most MRENCLAVE values one alternative lists. */
  public static final int MAX_MRENCLAVES = 256;

  /** The largest ISVPRODID and ISVSVN (both 16-bit). */
  public static final int MAX_U16 = 0xffff;

  /**
   * @throws InvalidValueException naming the YAML field that is out of range or repeated, or the
   *     alternative as a whole when it names neither {@code mrenclave} nor {@code mrsigner}
   */
  public SgxCondition {
    mrenclave = List.copyOf(mrenclave);
    Objects.requireNonNull(mrsigner, "mrsigner");
    Objects.requireNonNull(isvprodid, "isvprodid");
    Objects.requireNonNull(isvsvnMin, "isvsvnMin");
    Objects.requireNonNull(isvsvnMax, "isvsvnMax");
    if (mrenclave.size() > MAX_MRENCLAVES) {
      throw new InvalidValueException(
          "mrenclave", "at most " + MAX_MRENCLAVES + " values, got " + mrenclave.size());
    }
    var seen = new HashSet<Bytes32>();
    for (int i = 0; i < mrenclave.size(); i++) {
      if (!seen.add(mrenclave.get(i))) {
        throw new InvalidValueException(
            "mrenclave[" + i + "]", "repeats " + mrenclave.get(i).hex());
      }
    }
    Ranges.check(isvprodid, 0, MAX_U16, "isvprodid");
    Ranges.check(isvsvnMin, 0, MAX_U16, "isvsvn_min");
    Ranges.check(isvsvnMax, 0, MAX_U16, "isvsvn_max");
    if (isvsvnMin.isPresent()
        && isvsvnMax.isPresent()
        && isvsvnMin.getAsInt() > isvsvnMax.getAsInt()) {
      throw new InvalidValueException(
          "isvsvn_max",
          "must be at least isvsvn_min ("
              + isvsvnMin.getAsInt()
              + "), got "
              + isvsvnMax.getAsInt());
    }
    if (mrenclave.isEmpty() && mrsigner.isEmpty()) {
      throw new InvalidValueException(
          "",
          "an sgx alternative must name mrenclave or mrsigner; without them it admits any enclave");
    }
  }

  @Override
  public Platform platform() {
    return Platform.SGX;
  }

  @Override
  public String yamlName() {
    return "sgx";
  }
}
