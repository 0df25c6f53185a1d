package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;

/**
 * An AMD SEV-SNP ATTESTATION_REPORT, parsed strictly. Nothing is verified here: {@link #parse}
 * checks the structure only, and {@link SnpVerifier} checks the signature and its certificates.
 *
 * <p>Layout: SEV-SNP Firmware ABI specification (AMD pub. 56860), Table "ATTESTATION_REPORT
 * Structure" — 1184 bytes, little-endian. Versions:
 *
 * <ul>
 *   <li>2: the base layout; 0x188..0x19F reserved; no CPUID, so the product line comes from the
 *       certificate;
 *   <li>3 (ABI 1.56) and 4 (same layout; its changes are not public): CPUID_FAM_ID, CPUID_MOD_ID,
 *       CPUID_STEP at 0x188..0x18A;
 *   <li>5 (ABI 1.58): also LAUNCH_MIT_VECTOR at 0x1F8 and CURRENT_MIT_VECTOR at 0x200.
 * </ul>
 *
 * <p>Checked: the size; the version; SIGNATURE_ALGO = 1 (ECDSA P-384 with SHA-384); every reserved
 * range of the version is zero (0x4C..0x4F, 0x188 or 0x18B..0x19F, 0x1EB, 0x1EF, 0x1F8 or
 * 0x208..0x29F, the signature's padding above 48 bytes per component and 0x330..0x49F); POLICY
 * reserved bits; the flags; for v3 and later, a known product line whose TCB_VERSION reserved bytes
 * are zero. Versions 0, 1 and 6 or later are refused: their layout is not public.
 */
public final class SnpReport {

  /** The size of every report version. */
  public static final int SIZE = 0x4A0;

  /** The report signature covers bytes {@code [0, SIGNED_SIZE)} (ABI: 0x000..0x29F). */
  public static final int SIGNED_SIZE = 0x2A0;

  static final int MIN_VERSION = 2;
  static final int MAX_VERSION = 5;
  static final int ECDSA_P384_SHA384 = 1;

  private static final int R_OFFSET = 0x2A0;
  private static final int S_OFFSET = 0x2E8;
  private static final int COMPONENT_SIZE = 72;
  private static final int P384_SIZE = 48;

  /** The CPUID values of a v3+ report: combined family and model, and stepping. */
  public record Cpuid(int family, int model, int stepping) {}

  private final byte[] raw;
  private final int version;
  private final GuestPolicy policy;
  private final PlatformInfo platformInfo;
  private final SignerInfo signerInfo;
  private final Optional<Cpuid> cpuid;
  private final Optional<ProductLine> cpuidProduct;

  private SnpReport(byte[] raw, int version, Optional<Cpuid> cpuid, Optional<ProductLine> product)
      throws AttestationException {
    this.raw = raw;
    this.version = version;
    this.policy = GuestPolicy.parse(LittleEndian.u64(raw, 0x08));
    this.platformInfo = new PlatformInfo(LittleEndian.u64(raw, 0x40));
    this.signerInfo = SignerInfo.parse(LittleEndian.u32(raw, 0x48));
    this.cpuid = cpuid;
    this.cpuidProduct = product;
  }

  /**
   * Parses a report.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} for a structure that is not a report,
   *     {@code UNSUPPORTED_VERSION} for a version, signature algorithm or product line not
   *     supported
   */
  public static SnpReport parse(byte[] bytes) throws AttestationException {
    if (bytes.length != SIZE) {
      throw malformed("an SNP report is " + SIZE + " bytes, got " + bytes.length);
    }
    byte[] raw = bytes.clone();
    long version = LittleEndian.u32(raw, 0x00);
    if (version < MIN_VERSION || version > MAX_VERSION) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION,
          "SNP report version " + version + " is not supported (2, 3, 4, 5)");
    }
    long algorithm = LittleEndian.u32(raw, 0x34);
    if (algorithm != ECDSA_P384_SHA384) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION,
          "SNP report SIGNATURE_ALGO " + algorithm + " is not supported (1 = ECDSA P-384 SHA-384)");
    }
    requireZero(raw, 0x4C, 0x50, "reserved 0x4C");
    requireZero(raw, version >= 3 ? 0x18B : 0x188, 0x1A0, "reserved 0x188");
    requireZero(raw, 0x1EB, 0x1EC, "reserved 0x1EB");
    requireZero(raw, 0x1EF, 0x1F0, "reserved 0x1EF");
    requireZero(raw, version >= 5 ? 0x208 : 0x1F8, SIGNED_SIZE, "reserved 0x1F8");
    requireZero(raw, R_OFFSET + P384_SIZE, R_OFFSET + COMPONENT_SIZE, "SIGNATURE.R padding");
    requireZero(raw, S_OFFSET + P384_SIZE, S_OFFSET + COMPONENT_SIZE, "SIGNATURE.S padding");
    requireZero(raw, S_OFFSET + COMPONENT_SIZE, SIZE, "SIGNATURE reserved");
    Optional<Cpuid> cpuid = Optional.empty();
    Optional<ProductLine> product = Optional.empty();
    if (version >= 3) {
      Cpuid c =
          new Cpuid(
              LittleEndian.u8(raw, 0x188),
              LittleEndian.u8(raw, 0x189),
              LittleEndian.u8(raw, 0x18A));
      cpuid = Optional.of(c);
      product =
          Optional.of(
              ProductLine.fromCpuid(c.family(), c.model())
                  .orElseThrow(() ->
                      new AttestationException(
                          Reason.UNSUPPORTED_VERSION,
                          "SNP report from CPU family 0x"
                              + Integer.toHexString(c.family())
                              + " model 0x"
                              + Integer.toHexString(c.model())
                              + ": not a supported product line (Milan, Genoa, Turin)")));
    }
    SnpReport report = new SnpReport(raw, (int) version, cpuid, product);
    if (product.isPresent()) {
      report.tcbs(product.get());
    }
    return report;
  }

  private static void requireZero(byte[] raw, int from, int to, String field)
      throws AttestationException {
    int at = LittleEndian.firstNonZero(raw, from, to);
    if (at >= 0) {
      throw malformed(
          field
              + " must be zero, byte 0x"
              + Integer.toHexString(at)
              + " is not (version "
              + LittleEndian.u32(raw, 0)
              + ")");
    }
  }

  static AttestationException malformed(String detail) {
    return new AttestationException(Reason.MALFORMED_EVIDENCE, "malformed SNP report: " + detail);
  }

  /**
   * The four TCB_VERSION fields decoded with {@code product}'s layout.
   *
   * @throws AttestationException {@code MALFORMED_EVIDENCE} if one has a reserved byte set
   */
  public Tcbs tcbs(ProductLine product) throws AttestationException {
    return new Tcbs(
        TcbVersion.decode(currentTcb(), product, "CURRENT_TCB"),
        TcbVersion.decode(reportedTcb(), product, "REPORTED_TCB"),
        TcbVersion.decode(committedTcb(), product, "COMMITTED_TCB"),
        TcbVersion.decode(launchTcb(), product, "LAUNCH_TCB"));
  }

  /**
   * The report's TCB_VERSION fields, decoded.
   *
   * @param current CURRENT_TCB: the TCB the firmware runs now
   * @param reported REPORTED_TCB: the TCB the VCEK or VLEK is for
   * @param committed COMMITTED_TCB: the TCB the firmware cannot roll back below
   * @param launch LAUNCH_TCB: CURRENT_TCB when the guest was launched
   */
  public record Tcbs(
      TcbVersion current, TcbVersion reported, TcbVersion committed, TcbVersion launch) {}

  private byte[] slice(int offset, int length) {
    return Arrays.copyOfRange(raw, offset, offset + length);
  }

  /** The report exactly as received. */
  public byte[] bytes() {
    return raw.clone();
  }

  /** The bytes the signature covers, {@code [0, 0x2A0)}. */
  public byte[] signedBytes() {
    return slice(0, SIGNED_SIZE);
  }

  public int version() {
    return version;
  }

  public long guestSvn() {
    return LittleEndian.u32(raw, 0x04);
  }

  public GuestPolicy policy() {
    return policy;
  }

  public byte[] familyId() {
    return slice(0x10, 16);
  }

  public byte[] imageId() {
    return slice(0x20, 16);
  }

  /** The VMPL of the request that produced the report. */
  public long vmpl() {
    return LittleEndian.u32(raw, 0x30);
  }

  public long signatureAlgo() {
    return LittleEndian.u32(raw, 0x34);
  }

  /** CURRENT_TCB, raw; decode with {@link #tcbs}. */
  public long currentTcb() {
    return LittleEndian.u64(raw, 0x38);
  }

  public PlatformInfo platformInfo() {
    return platformInfo;
  }

  /** The flags at 0x48 (AUTHOR_KEY_EN, MASK_CHIP_KEY, SIGNING_KEY). */
  public SignerInfo signerInfo() {
    return signerInfo;
  }

  public byte[] reportData() {
    return slice(0x50, 64);
  }

  public byte[] measurement() {
    return slice(0x90, 48);
  }

  public byte[] hostData() {
    return slice(0xC0, 32);
  }

  public byte[] idKeyDigest() {
    return slice(0xE0, 48);
  }

  public byte[] authorKeyDigest() {
    return slice(0x110, 48);
  }

  public byte[] reportId() {
    return slice(0x140, 32);
  }

  public byte[] reportIdMa() {
    return slice(0x160, 32);
  }

  /** REPORTED_TCB, raw; decode with {@link #tcbs}. */
  public long reportedTcb() {
    return LittleEndian.u64(raw, 0x180);
  }

  /** CPUID_FAM_ID, CPUID_MOD_ID, CPUID_STEP (versions 3 and later). */
  public Optional<Cpuid> cpuid() {
    return cpuid;
  }

  /** The product line the CPUID names (versions 3 and later). */
  public Optional<ProductLine> cpuidProduct() {
    return cpuidProduct;
  }

  /** CHIP_ID: 64 bytes; zero when the host masks it; on Turin only the first 8 are used. */
  public byte[] chipId() {
    return slice(0x1A0, 64);
  }

  /** COMMITTED_TCB, raw; decode with {@link #tcbs}. */
  public long committedTcb() {
    return LittleEndian.u64(raw, 0x1E0);
  }

  public int currentBuild() {
    return LittleEndian.u8(raw, 0x1E8);
  }

  public int currentMinor() {
    return LittleEndian.u8(raw, 0x1E9);
  }

  public int currentMajor() {
    return LittleEndian.u8(raw, 0x1EA);
  }

  public int committedBuild() {
    return LittleEndian.u8(raw, 0x1EC);
  }

  public int committedMinor() {
    return LittleEndian.u8(raw, 0x1ED);
  }

  public int committedMajor() {
    return LittleEndian.u8(raw, 0x1EE);
  }

  /** LAUNCH_TCB, raw; decode with {@link #tcbs}. */
  public long launchTcb() {
    return LittleEndian.u64(raw, 0x1F0);
  }

  /** LAUNCH_MIT_VECTOR (version 5): the mitigations in force at launch; bits not yet public. */
  public OptionalLong launchMitVector() {
    return version >= 5 ? OptionalLong.of(LittleEndian.u64(raw, 0x1F8)) : OptionalLong.empty();
  }

  /** CURRENT_MIT_VECTOR (version 5): the mitigations in force now. */
  public OptionalLong currentMitVector() {
    return version >= 5 ? OptionalLong.of(LittleEndian.u64(raw, 0x200)) : OptionalLong.empty();
  }

  /** SIGNATURE.R as an unsigned integer (72 little-endian bytes, the top 24 zero). */
  public BigInteger signatureR() {
    return unsignedLittleEndian(R_OFFSET);
  }

  /** SIGNATURE.S as an unsigned integer. */
  public BigInteger signatureS() {
    return unsignedLittleEndian(S_OFFSET);
  }

  private BigInteger unsignedLittleEndian(int offset) {
    byte[] be = new byte[P384_SIZE];
    for (int i = 0; i < P384_SIZE; i++) {
      be[i] = raw[offset + P384_SIZE - 1 - i];
    }
    return new BigInteger(1, be);
  }

  /**
   * The signature as the JCA's {@code SHA384withECDSA} takes it: DER {@code SEQUENCE {INTEGER r,
   * INTEGER s}} (RFC 3279 §2.2.3 Ecdsa-Sig-Value), encoded by BouncyCastle.
   */
  public byte[] signatureDer() {
    try {
      return new DERSequence(
              new org.bouncycastle.asn1.ASN1Encodable[] {
                new ASN1Integer(signatureR()), new ASN1Integer(signatureS())
              })
          .getEncoded();
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding in memory cannot fail", e);
    }
  }

  @Override
  public String toString() {
    return "SnpReport[v"
        + version
        + cpuidProduct.map(p -> ", " + p).orElse("")
        + ", signed by "
        + signerInfo.signingKey().claimName()
        + "]";
  }
}
