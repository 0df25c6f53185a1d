package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.AZURE_CASE;
import static io.coffer.attestation.amd.SnpVectors.GSG_CASE;
import static io.coffer.attestation.amd.SnpVectors.KDS;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK_CASE;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK_CASE;
import static io.coffer.attestation.amd.SnpVectors.VCEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static io.coffer.attestation.amd.SnpVectors.plusOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published SEV-SNP and Azure HCL reports changed in every signed field, in their signature, in
 * their size and in their collateral, through {@link AttestationVerifier}: each change is refused
 * with the reason of the check that must catch it. Offsets are into the SNP report (inside an HCL
 * report, 0x20 further).
 */
class SnpTamperTest {

  private static final AttestationVerifier VERIFIER =
      AttestationVerifier.create(TrustAnchors.defaults());

  /** The order n of the P-384 group (SEC 2 §2.5.1; FIPS 186-4 D.1.2.4). */
  private static final BigInteger P384_N =
      new BigInteger(
          "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf"
              + "581a0db248b0a77aecec196accc52973",
          16);

  private static final Map<String, SnpVectors.Case> BY_NAME =
      Map.of(
          "gsg", GSG_CASE,
          "trustee", TRUSTEE_VCEK_CASE,
          "vlek", TRUSTEE_VLEK_CASE,
          "azure", AZURE_CASE);

  static Stream<SnpVectors.Case> vectors() {
    return SnpVectors.cases().stream();
  }

  private static Reason reason(SnpVectors.Case v, byte[] evidence) {
    try {
      return reason(v, evidence, v.loadCollateral());
    } catch (AttestationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Reason reason(SnpVectors.Case v, byte[] evidence, Collateral collateral) {
    return reason(v.type(), evidence, collateral, v.at());
  }

  private static Reason reason(
      EvidenceType type, byte[] evidence, Collateral collateral, java.time.Instant at) {
    try {
      VERIFIER.verify(new Evidence(type, evidence), collateral, VerificationOptions.at(at));
    } catch (AttestationException e) {
      return e.reason();
    }
    return null;
  }

  private static byte[] xor(SnpVectors.Case v, int offset, int mask) {
    byte[] b = v.reportBytes();
    b[v.snpOffset() + offset] ^= (byte) mask;
    return b;
  }

  /** A range of report bytes that no parser check covers: only the signature protects it. */
  private record Field(String name, int offset, int length, int minVersion) {
    Field(String name, int offset, int length) {
      this(name, offset, length, 2);
    }
  }

  /**
   * Every signed byte whose change still parses (SEV-SNP ABI, ATTESTATION_REPORT): the fields, the
   * non-reserved bytes of the four TCB_VERSIONs (Milan layout: boot loader, TEE, SNP, microcode),
   * the low policy bits, AUTHOR_KEY_EN and, in v3, the CPUID model and stepping within Milan.
   */
  private static final List<Field> UNCHECKED_FIELDS =
      List.of(
          new Field("GUEST_SVN", 0x04, 4),
          new Field("POLICY bits 0..23", 0x08, 3),
          new Field("FAMILY_ID", 0x10, 16),
          new Field("IMAGE_ID", 0x20, 16),
          new Field("VMPL", 0x30, 4),
          new Field("CURRENT_TCB boot loader, TEE", 0x38, 2),
          new Field("CURRENT_TCB SNP, microcode", 0x3E, 2),
          new Field("PLATFORM_INFO", 0x40, 8),
          new Field("flags AUTHOR_KEY_EN", 0x48, 1),
          new Field("REPORT_DATA", 0x50, 64),
          new Field("MEASUREMENT", 0x90, 48),
          new Field("HOST_DATA", 0xC0, 32),
          new Field("ID_KEY_DIGEST", 0xE0, 48),
          new Field("AUTHOR_KEY_DIGEST", 0x110, 48),
          new Field("REPORT_ID", 0x140, 32),
          new Field("REPORT_ID_MA", 0x160, 32),
          new Field("REPORTED_TCB boot loader, TEE", 0x180, 2),
          new Field("REPORTED_TCB SNP, microcode", 0x186, 2),
          new Field("CPUID_MOD_ID, CPUID_STEP", 0x189, 2, 3),
          new Field("CHIP_ID", 0x1A0, 64),
          new Field("COMMITTED_TCB boot loader, TEE", 0x1E0, 2),
          new Field("COMMITTED_TCB SNP, microcode", 0x1E6, 2),
          new Field("CURRENT_BUILD, MINOR, MAJOR", 0x1E8, 3),
          new Field("COMMITTED_BUILD, MINOR, MAJOR", 0x1EC, 3),
          new Field("LAUNCH_TCB boot loader, TEE", 0x1F0, 2),
          new Field("LAUNCH_TCB SNP, microcode", 0x1F6, 2));

  // --- the signed region -------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("vectors")
  void everyUncheckedSignedByte_changed_failsTheSignature(SnpVectors.Case v) {
    List<String> wrong = new ArrayList<>();
    for (Field f : UNCHECKED_FIELDS) {
      if (v.version() < f.minVersion()) {
        continue;
      }
      for (int i = f.offset(); i < f.offset() + f.length(); i++) {
        Reason r = reason(v, xor(v, i, 0x01));
        if (r != Reason.REPORT_SIGNATURE_INVALID) {
          wrong.add(f.name() + " byte 0x" + Integer.toHexString(i) + ": " + r);
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    // Versions: unknown ones are unsupported; a known one that still parses breaks the signature.
    "gsg,     version 2 -> 0,              0x000, 0x02, UNSUPPORTED_VERSION",
    "gsg,     version 2 -> 1,              0x000, 0x03, UNSUPPORTED_VERSION",
    "gsg,     version 2 -> 6,              0x000, 0x04, UNSUPPORTED_VERSION",
    "gsg,     version 2 -> 0x102,          0x001, 0x01, UNSUPPORTED_VERSION",
    "gsg,     version 2 -> 3 (CPUID 0),    0x000, 0x01, UNSUPPORTED_VERSION",
    "vlek,    version 3 -> 2 (CPUID set),  0x000, 0x01, MALFORMED_EVIDENCE",
    "vlek,    version 3 -> 4,              0x000, 0x07, REPORT_SIGNATURE_INVALID",
    "vlek,    version 3 -> 5,              0x000, 0x06, REPORT_SIGNATURE_INVALID",
    "vlek,    version 3 -> 7,              0x000, 0x04, UNSUPPORTED_VERSION",
    "azure,   version 2 -> 6,              0x000, 0x04, UNSUPPORTED_VERSION",
    // SIGNATURE_ALGO 1 -> 0, 3.
    "trustee, SIGNATURE_ALGO 0,            0x034, 0x01, UNSUPPORTED_VERSION",
    "vlek,    SIGNATURE_ALGO 3,            0x034, 0x02, UNSUPPORTED_VERSION",
    // POLICY: reserved bits are malformed; DEBUG and MIGRATE_MA cannot be switched.
    "gsg,     POLICY bit 17 cleared,       0x00A, 0x02, MALFORMED_EVIDENCE",
    "trustee, POLICY bit 26 set,           0x00B, 0x04, MALFORMED_EVIDENCE",
    "vlek,    POLICY bit 40 set,           0x00D, 0x01, MALFORMED_EVIDENCE",
    "gsg,     POLICY DEBUG cleared,        0x00A, 0x08, REPORT_SIGNATURE_INVALID",
    "trustee, POLICY DEBUG set,            0x00A, 0x08, REPORT_SIGNATURE_INVALID",
    "azure,   POLICY DEBUG set,            0x00A, 0x08, REPORT_SIGNATURE_INVALID",
    "vlek,    POLICY MIGRATE_MA set,       0x00A, 0x04, REPORT_SIGNATURE_INVALID",
    // Flags: an unsigned report, a reserved key, reserved bits, or the other key's kind.
    "gsg,     MASK_CHIP_KEY set,           0x048, 0x02, REPORT_SIGNATURE_INVALID",
    "trustee, SIGNING_KEY none (7),        0x048, 0x1C, REPORT_SIGNATURE_INVALID",
    "trustee, SIGNING_KEY reserved (2),    0x048, 0x08, MALFORMED_EVIDENCE",
    "vlek,    flags bit 5 set,             0x048, 0x20, MALFORMED_EVIDENCE",
    "gsg,     SIGNING_KEY VCEK -> VLEK,    0x048, 0x04, COLLATERAL_MISSING",
    "vlek,    SIGNING_KEY VLEK -> VCEK,    0x048, 0x04, COLLATERAL_MISSING",
    "azure,   SIGNING_KEY VCEK -> VLEK,    0x048, 0x04, COLLATERAL_MISSING",
    // Reserved bytes, including those of each TCB_VERSION.
    "trustee, reserved 0x4C,               0x04C, 0x01, MALFORMED_EVIDENCE",
    "gsg,     CURRENT_TCB reserved byte,   0x03A, 0x01, MALFORMED_EVIDENCE",
    "vlek,    REPORTED_TCB reserved byte,  0x183, 0x01, MALFORMED_EVIDENCE",
    "azure,   COMMITTED_TCB reserved byte, 0x1E5, 0x80, MALFORMED_EVIDENCE",
    "trustee, LAUNCH_TCB reserved byte,    0x1F2, 0x01, MALFORMED_EVIDENCE",
    "gsg,     v2 reserved 0x188,           0x188, 0x19, MALFORMED_EVIDENCE",
    "vlek,    v3 reserved 0x18B,           0x18B, 0x01, MALFORMED_EVIDENCE",
    "trustee, reserved 0x1EB,              0x1EB, 0x01, MALFORMED_EVIDENCE",
    "vlek,    reserved 0x1EF,              0x1EF, 0x01, MALFORMED_EVIDENCE",
    "azure,   v2 reserved 0x1F8,           0x1F8, 0x01, MALFORMED_EVIDENCE",
    "gsg,     reserved 0x29F,              0x29F, 0x80, MALFORMED_EVIDENCE",
    // v3 CPUID: an unknown family, or a product line other than the chain's.
    "vlek,    CPUID family 0x19 -> 0x18,   0x188, 0x01, UNSUPPORTED_VERSION",
    "vlek,    CPUID model Milan -> Genoa,  0x189, 0x10, VCEK_CHAIN_INVALID",
  })
  void aChangedStructuralField_isRefusedByTheCheckForIt(
      String vector, String what, String offset, String mask, Reason expected) {
    SnpVectors.Case v = BY_NAME.get(vector);

    assertThat(reason(v, xor(v, Integer.decode(offset), Integer.decode(mask))))
        .as(what)
        .isEqualTo(expected);
  }

  @Test
  void trusteesTamperedReports_failTheSignature_andTheirTcbBinding() throws Exception {
    // check_report_signature_failure, check_report_tcb_failure and their VLEK counterparts: byte
    // 42 (IMAGE_ID) and byte 384 (REPORTED_TCB boot loader) plus one. Trustee compares the TCB on
    // its own; here the signature is checked first, and the binding step alone gives trustee's.
    for (SnpVectors.Case v : List.of(TRUSTEE_VCEK_CASE, TRUSTEE_VLEK_CASE)) {
      EndorsementKey key = EndorsementKey.parse(SnpVectors.certificate(v.leaf()));
      SnpReport tcbChanged = SnpReport.parse(plusOne(v.reportBytes(), 384));

      assertThat(reason(v, plusOne(v.reportBytes(), 42)))
          .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
      assertThat(reason(v, plusOne(v.reportBytes(), 384)))
          .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
      try {
        ReportBinding.checkTcb(tcbChanged.tcbs(ProductLine.MILAN).reported(), key);
        throw new AssertionError(v + ": the TCB binding accepted boot loader SPL + 1");
      } catch (AttestationException e) {
        assertThat(e.reason()).isEqualTo(Reason.TCB_MISMATCH);
        assertThat(e.getMessage()).contains("boot loader");
      }
    }
  }

  // --- the signature -----------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("vectors")
  void everyByteOfRAndS_changed_failsTheSignature(SnpVectors.Case v) {
    List<String> wrong = new ArrayList<>();
    for (int start : new int[] {0x2A0, 0x2E8}) {
      for (int i = start; i < start + 48; i++) {
        Reason r = reason(v, xor(v, i, 0x01));
        if (r != Reason.REPORT_SIGNATURE_INVALID) {
          wrong.add("0x" + Integer.toHexString(i) + ": " + r);
        }
      }
    }

    assertThat(wrong).isEmpty();
  }

  private static byte[] withComponent(SnpVectors.Case v, int offset, BigInteger value) {
    byte[] b = v.reportBytes();
    int at = v.snpOffset() + offset;
    Arrays.fill(b, at, at + 48, (byte) 0);
    byte[] be = value.toByteArray();
    for (int i = 0; i < be.length && i < 48; i++) {
      b[at + i] = be[be.length - 1 - i];
    }
    return b;
  }

  private static BigInteger component(SnpVectors.Case v, int offset) {
    byte[] be = new byte[48];
    byte[] b = v.reportBytes();
    for (int i = 0; i < 48; i++) {
      be[i] = b[v.snpOffset() + offset + 47 - i];
    }
    return new BigInteger(1, be);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void rOrSOutOfRange_orSwapped_failsTheSignature(SnpVectors.Case v) {
    BigInteger r = component(v, 0x2A0);
    BigInteger s = component(v, 0x2E8);
    BigInteger allOnes = BigInteger.ONE.shiftLeft(384).subtract(BigInteger.ONE);

    assertThat(reason(v, withComponent(v, 0x2A0, BigInteger.ZERO)))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    assertThat(reason(v, withComponent(v, 0x2E8, BigInteger.ZERO)))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    assertThat(reason(v, withComponent(v, 0x2A0, P384_N)))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    assertThat(reason(v, withComponent(v, 0x2E8, P384_N)))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    assertThat(reason(v, withComponent(v, 0x2A0, allOnes)))
        .isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
    byte[] swapped = withComponent(v, 0x2A0, s);
    System.arraycopy(
        withComponent(v, 0x2E8, r), v.snpOffset() + 0x2E8, swapped, v.snpOffset() + 0x2E8, 48);
    assertThat(reason(v, swapped)).isEqualTo(Reason.REPORT_SIGNATURE_INVALID);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void sReplacedByNMinusS_stillVerifies_becauseEcdsaSignaturesAreMalleable(SnpVectors.Case v)
      throws Exception {
    // (r, n - s) is the other valid ECDSA signature of the same bytes. AMD firmware does not
    // normalise s, so neither form can be refused: the report's bytes are not a unique identifier,
    // and replay protection rests on the caller's nonce in REPORT_DATA, never on report bytes.
    BigInteger s = component(v, 0x2E8);
    byte[] other = withComponent(v, 0x2E8, P384_N.subtract(s));

    VerifiedClaims original =
        VERIFIER.verify(
            new Evidence(v.type(), v.reportBytes()),
            v.loadCollateral(),
            VerificationOptions.at(v.at()));
    VerifiedClaims malleated =
        VERIFIER.verify(
            new Evidence(v.type(), other), v.loadCollateral(), VerificationOptions.at(v.at()));

    assertThat(other).isNotEqualTo(v.reportBytes());
    assertThat(malleated.claims()).isEqualTo(original.claims());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signaturePaddingAndReservedBytes_changed_areMalformed(SnpVectors.Case v) {
    for (int offset : new int[] {0x2A0 + 48, 0x2A0 + 71, 0x2E8 + 48, 0x2E8 + 71, 0x330, 0x49F}) {
      assertThat(reason(v, xor(v, offset, 0x01)))
          .as("0x%x", offset)
          .isEqualTo(Reason.MALFORMED_EVIDENCE);
    }
  }

  // --- size --------------------------------------------------------------------------------------

  @ParameterizedTest
  @MethodSource("vectors")
  void aTruncatedOrExtendedReport_isMalformed_withOrWithoutItsType(SnpVectors.Case v)
      throws Exception {
    byte[] full = v.reportBytes();
    Collateral collateral = v.loadCollateral();
    VerificationOptions at = VerificationOptions.at(v.at());
    int end = v.snpOffset() + SnpReport.SIZE;

    List<Integer> lengths = new ArrayList<>(List.of(0, 4, v.snpOffset() + 0x2A0, end - 1));
    if (v.type() == EvidenceType.SNP) {
      lengths.add(SnpReport.SIZE + 1);
    }
    for (int length : lengths) {
      byte[] cut = Arrays.copyOf(full, length);
      assertThat(reason(v, cut)).as("%d bytes", length).isEqualTo(Reason.MALFORMED_EVIDENCE);
      try {
        VERIFIER.verify(cut, collateral, at);
        throw new AssertionError(length + " bytes verified");
      } catch (AttestationException e) {
        assertThat(e.reason())
            .as("%d bytes, detected", length)
            .isEqualTo(Reason.MALFORMED_EVIDENCE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0x4C0, 0x4D4, 0x929})
  void aTruncatedHclReport_isMalformed(int length) {
    byte[] cut = Arrays.copyOf(AZURE_CASE.reportBytes(), length);

    assertThat(reason(AZURE_CASE, cut)).isEqualTo(Reason.MALFORMED_EVIDENCE);
  }

  // --- collateral --------------------------------------------------------------------------------

  @Test
  void anotherChipsVcek_failsTheSignature() throws Exception {
    // A genuine VCEK of the same product line that chains to the ARK, but of another chip (or
    // TCB): the report's signature does not verify with its key; a key of the other kind than
    // SIGNING_KEY names is not used at all. (At an instant when all the keys are valid:
    // go-sev-guest's own instant precedes the others' notBefore.)
    List<SnpVectors.Case> cases = SnpVectors.cases();
    for (SnpVectors.Case v : cases) {
      for (SnpVectors.Case other : cases) {
        if (other != v) {
          assertThat(reason(v.type(), v.reportBytes(), other.loadCollateral(), VCEK_TIME))
              .as("%s with the key of %s", v, other)
              .isEqualTo(
                  (v == TRUSTEE_VLEK_CASE) != (other == TRUSTEE_VLEK_CASE)
                      ? Reason.COLLATERAL_MISSING
                      : Reason.REPORT_SIGNATURE_INVALID);
        }
      }
    }
  }

  @Test
  void theOtherKindOfKey_orNoKey_isMissingCollateral() throws Exception {
    Collateral onlyAskArk = collateral(KDS + "go-sev-guest_ask_ark_milan.pem");

    assertThat(
            reason(
                TRUSTEE_VLEK_CASE,
                TRUSTEE_VLEK_CASE.reportBytes(),
                TRUSTEE_VCEK_CASE.loadCollateral()))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    assertThat(
            reason(
                TRUSTEE_VCEK_CASE,
                TRUSTEE_VCEK_CASE.reportBytes(),
                TRUSTEE_VLEK_CASE.loadCollateral()))
        .isEqualTo(Reason.COLLATERAL_MISSING);
    for (SnpVectors.Case v : SnpVectors.cases()) {
      assertThat(reason(v, v.reportBytes(), onlyAskArk))
          .as(v.name())
          .isEqualTo(Reason.COLLATERAL_MISSING);
      assertThat(reason(v, v.reportBytes(), Collateral.empty()))
          .as(v.name())
          .isEqualTo(Reason.COLLATERAL_MISSING);
    }
  }

  @Test
  void aChangedVcek_orTrusteesSelfMadeVceks_failTheChain() throws Exception {
    // check_vcek_signature_failure: byte 42 + 1 (inside the TBS signature algorithm). The JDK
    // refuses to parse it; BouncyCastle's lenient factory parses it, as trustee's parser does.
    X509Certificate changed =
        SnpVectors.lenientCertificate(plusOne(bytes(TRUSTEE_VCEK + "test-vcek.der"), 42));

    assertThat(
            reason(
                TRUSTEE_VCEK_CASE,
                TRUSTEE_VCEK_CASE.reportBytes(),
                Collateral.of(List.of(changed), List.of(), List.of())))
        .isEqualTo(Reason.VCEK_CHAIN_INVALID);
    for (String file : List.of("test-vcek-invalid-legacy.der", "test-vcek-invalid-new.der")) {
      assertThat(
              reason(
                  TRUSTEE_VCEK_CASE,
                  TRUSTEE_VCEK_CASE.reportBytes(),
                  collateral(TRUSTEE_VCEK + file)))
          .as(file)
          .isEqualTo(Reason.VCEK_CHAIN_INVALID);
    }
  }

  @ParameterizedTest
  @CsvSource({
    // check_milan_chain_signature_failure: the ASVK where the ASK belongs.
    "trustee, go-sev-guest_ask_ark_milan_vlek.pem",
    // The ASK (or ASVK) of another product line.
    "gsg,     go-sev-guest_ask_ark_genoa.pem",
    "trustee, trustee_genoa_ask_ark_asvk.pem",
    "azure,   go-sev-guest_ask_ark_turin_vcek.pem",
    "vlek,    go-sev-guest_ask_ark_genoa_vlek.pem",
    "vlek,    trustee_turin_ask_ark_asvk.pem",
    // The ASK where the ASVK belongs.
    "vlek,    go-sev-guest_ask_ark_milan.pem",
  })
  void theWrongIntermediate_failsTheChain(String vector, String bundle) throws Exception {
    SnpVectors.Case v = BY_NAME.get(vector);
    X509Certificate leaf = SnpVectors.certificate(v.leaf());
    Collateral c =
        Collateral.of(List.of(leaf), List.of(), List.of()).plus(collateral(KDS + bundle));

    assertThat(reason(v, v.reportBytes(), c)).isEqualTo(Reason.VCEK_CHAIN_INVALID);
  }

  @Test
  void intermediatesOfOtherProductLines_beside_theRightOne_areIgnored() throws Exception {
    // A collateral bundle for a mixed fleet: the chain takes the intermediate its leaf names.
    Collateral c =
        AZURE_CASE
            .loadCollateral()
            .plus(collateral(KDS + "trustee_genoa_ask_ark_asvk.pem"))
            .plus(collateral(KDS + "trustee_turin_ask_ark_asvk.pem"));

    assertThat(reason(AZURE_CASE, AZURE_CASE.reportBytes(), c)).isNull();
  }

  // --- binding, under a valid signature (a made-up PKI: the vectors cannot be re-signed) ---------

  private static final byte[] HW_ID = filled(64, 0x5A);

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static Reason syntheticReason(TestAmdPki.Chain pki, byte[] report) {
    try {
      AttestationVerifier.create(pki.anchors())
          .verify(report, pki.collateral(), VerificationOptions.at(TestAmdPki.AT));
    } catch (AttestationException e) {
      return e.reason();
    }
    return null;
  }

  @ParameterizedTest
  @CsvSource({"9, 0, 21, 72", "8, 0, 21, 72", "9, 1, 21, 72", "9, 0, 20, 72", "9, 0, 21, 73"})
  void aSignedReportOfAnotherTcbThanItsVcek_isATcbMismatch(int bl, int tee, int snp, int ucode)
      throws Exception {
    long certified = ReportBuilder.milanTcb(9, 0, 21, 72);
    long reported = ReportBuilder.milanTcb(bl, tee, snp, ucode);
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.MILAN,
            SigningKey.VCEK,
            TcbVersion.decode(certified, ProductLine.MILAN, "t"),
            HW_ID);
    byte[] report =
        new ReportBuilder(3)
            .cpuid(0x19, 0x01, 0)
            .tcb(certified)
            .u64(0x180, reported)
            .chipId(HW_ID)
            .signedBy(pki.leafKey());

    assertThat(syntheticReason(pki, report))
        .isEqualTo(reported == certified ? null : Reason.TCB_MISMATCH);
  }

  @Test
  void aSignedReportOfAnotherChipOrStepping_isATcbMismatch() throws Exception {
    long tcb = ReportBuilder.milanTcb(9, 0, 21, 72);
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.MILAN,
            SigningKey.VCEK,
            TcbVersion.decode(tcb, ProductLine.MILAN, "t"),
            HW_ID);
    byte[] otherChip = HW_ID.clone();
    otherChip[63] ^= 1;

    assertThat(
            syntheticReason(
                pki,
                new ReportBuilder(3)
                    .cpuid(0x19, 0x01, 0)
                    .tcb(tcb)
                    .chipId(otherChip)
                    .signedBy(pki.leafKey())))
        .isEqualTo(Reason.TCB_MISMATCH);
    assertThat(
            syntheticReason(
                pki,
                new ReportBuilder(3)
                    .cpuid(0x19, 0x01, 1)
                    .tcb(tcb)
                    .chipId(HW_ID)
                    .signedBy(pki.leafKey())))
        .isEqualTo(Reason.TCB_MISMATCH);
    assertThat(
            syntheticReason(
                pki,
                new ReportBuilder(3)
                    .cpuid(0x19, 0x01, 0)
                    .tcb(tcb)
                    .chipId(HW_ID)
                    .signedBy(pki.leafKey())))
        .isNull();
  }
}
