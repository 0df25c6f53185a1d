package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.util.Objects;

/**
 * The report's flags word at offset 0x48 (SEV-SNP ABI, ATTESTATION_REPORT "signer info"): bit 0
 * AUTHOR_KEY_EN, bit 1 MASK_CHIP_KEY, bits 4:2 SIGNING_KEY, bits 31:5 reserved (zero).
 *
 * @param raw the 32-bit field
 * @param authorKeyEn whether AUTHOR_KEY_DIGEST holds the digest of the ID block's author key
 * @param maskChipKey whether the firmware left the report unsigned (signature zero)
 * @param signingKey which key signed the report
 */
public record SignerInfo(
    long raw, boolean authorKeyEn, boolean maskChipKey, SigningKey signingKey) {

  public SignerInfo {
    Objects.requireNonNull(signingKey, "signingKey");
  }

  /**
   * Decodes the flags.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} for reserved bits or a reserved
   *     SIGNING_KEY value (2..6)
   */
  public static SignerInfo parse(long raw) throws AttestationException {
    if (raw >>> 5 != 0) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "malformed SNP report: flags 0x" + Long.toHexString(raw) + " set reserved bits 31:5");
    }
    int key = (int) (raw >>> 2 & 7);
    SigningKey signingKey =
        switch (key) {
          case 0 -> SigningKey.VCEK;
          case 1 -> SigningKey.VLEK;
          case 7 -> SigningKey.NONE;
          default ->
              throw new AttestationException(
                  Reason.MALFORMED_EVIDENCE,
                  "malformed SNP report: SIGNING_KEY " + key + " is reserved");
        };
    return new SignerInfo(raw, (raw & 1) != 0, (raw & 2) != 0, signingKey);
  }

  /** Whether the firmware signed the report at all. */
  public boolean signed() {
    return !maskChipKey && signingKey != SigningKey.NONE;
  }
}
