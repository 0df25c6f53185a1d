package io.coffer.attestation.intel;

import static io.coffer.attestation.intel.SyntheticIntel.NOW;
import static io.coffer.attestation.intel.SyntheticIntel.identityJson;
import static io.coffer.attestation.intel.SyntheticIntel.isvLevel;
import static io.coffer.attestation.intel.SyntheticIntel.level;
import static io.coffer.attestation.intel.SyntheticIntel.moduleIdentity;
import static io.coffer.attestation.intel.SyntheticIntel.svns;
import static io.coffer.attestation.intel.SyntheticIntel.tcbInfoJson;
import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Collateral.JsonKind;
import io.coffer.attestation.Collateral.SignedJson;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decisions no published vector reaches, on a self-made hierarchy: revocation of every certificate,
 * revoked TCB levels, Intel's level order and component-wise comparison, QE identity and TDX module
 * mismatches, convergence with QE and module status, and TD relaunch.
 */
class SyntheticDcapTest {

  private static final int[] PLATFORM = svns(5, 5, 2, 2, 3, 1, 0, 3);
  private static final int PCE_SVN = 13;

  private final SyntheticIntel intel = new SyntheticIntel(PLATFORM, PCE_SVN);
  private final DcapVerifier verifier = new DcapVerifier(intel.anchors());

  private static final String QE =
      identityJson("QE", isvLevel(8, "UpToDate"), isvLevel(6, "OutOfDate", "INTEL-SA-00001"));
  private static final String TD_QE =
      QE.replace("\"QE\"", "\"TD_QE\"").replace("\"isvprodid\":1", "\"isvprodid\":2");

  private static String sgxInfo(String... levels) {
    return tcbInfoJson("SGX", 17, null, levels);
  }

  private static final String UP_TO_DATE_SGX = sgxInfo(level(PLATFORM, PCE_SVN, null, "UpToDate"));

  private byte[] sgxQuote(SyntheticIntel.QuoteSpec spec) {
    return intel.sgxQuote(SyntheticIntel.sgxBody(new byte[64]), spec);
  }

  private VerifiedClaims verifySgx(byte[] quote, Collateral c) throws AttestationException {
    return verifier.verify(new Evidence(EvidenceType.SGX, quote), c, VerificationOptions.at(NOW));
  }

  private Reason sgxReason(byte[] quote, Collateral c) {
    try {
      verifySgx(quote, c);
      return null;
    } catch (AttestationException e) {
      return e.reason();
    }
  }

  private Collateral sgxCollateral(String tcbInfo, String identity) {
    return intel.collateral(intel.tcbInfo(tcbInfo), intel.identity(identity));
  }

  private VerifiedClaims sgx(String tcbInfo) throws AttestationException {
    return verifySgx(sgxQuote(new SyntheticIntel.QuoteSpec()), sgxCollateral(tcbInfo, QE));
  }

  @Test
  void aGenuineQuote_verifies() throws Exception {
    VerifiedClaims claims = sgx(UP_TO_DATE_SGX);

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(claims.advisoryIds()).isEmpty();
    assertThat(claims.collateralValidFrom()).contains(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(claims.collateralValidUntil()).contains(Instant.parse("2026-07-01T00:00:00Z"));
  }

  // --- revocation ------------------------------------------------------------------------------

  private Collateral withCrls(java.security.cert.X509CRL... crls) {
    return Collateral.of(
        List.of(intel.signer),
        List.of(crls),
        List.of(intel.tcbInfo(UP_TO_DATE_SGX), intel.identity(QE)));
  }

  @Test
  void aRevokedPckCertificate_isRefused() {
    Collateral c =
        withCrls(intel.crl(intel.root, intel.rootKey), intel.crl(intel.ca, intel.caKey, intel.pck));

    assertThat(sgxReason(sgxQuote(new SyntheticIntel.QuoteSpec()), c))
        .isEqualTo(Reason.CERT_REVOKED);
  }

  @Test
  void aRevokedPckCa_isRefused() {
    Collateral c =
        withCrls(intel.crl(intel.root, intel.rootKey, intel.ca), intel.crl(intel.ca, intel.caKey));

    assertThat(sgxReason(sgxQuote(new SyntheticIntel.QuoteSpec()), c))
        .isEqualTo(Reason.CERT_REVOKED);
  }

  @Test
  void aRevokedTcbSigningCertificate_isRefused() {
    Collateral c =
        withCrls(
            intel.crl(intel.root, intel.rootKey, intel.signer), intel.crl(intel.ca, intel.caKey));

    assertThat(sgxReason(sgxQuote(new SyntheticIntel.QuoteSpec()), c))
        .isEqualTo(Reason.CERT_REVOKED);
  }

  @Test
  void aCrlNotSignedByItsIssuer_isRefused() {
    Collateral c =
        withCrls(intel.crl(intel.root, intel.rootKey), intel.crl(intel.ca, intel.rootKey));

    assertThat(sgxReason(sgxQuote(new SyntheticIntel.QuoteSpec()), c))
        .isEqualTo(Reason.COLLATERAL_SIGNATURE_INVALID);
  }

  @Test
  void inSignatureOnlyMode_suppliedCrlsAreStillChecked() {
    Collateral c =
        Collateral.of(List.of(), List.of(intel.crl(intel.ca, intel.caKey, intel.pck)), List.of());

    try {
      verifier.verify(
          new Evidence(EvidenceType.SGX, sgxQuote(new SyntheticIntel.QuoteSpec())),
          c,
          VerificationOptions.at(NOW).signaturesOnly());
      throw new AssertionError("a revoked PCK certificate verified");
    } catch (AttestationException e) {
      assertThat(e.reason()).isEqualTo(Reason.CERT_REVOKED);
    }
  }

  // --- chains ----------------------------------------------------------------------------------

  @Test
  void anImpostorHierarchy_withTheSameNames_isNotTrusted() {
    SyntheticIntel impostor = new SyntheticIntel(PLATFORM, PCE_SVN);
    byte[] quote =
        impostor.sgxQuote(SyntheticIntel.sgxBody(new byte[64]), new SyntheticIntel.QuoteSpec());
    Collateral c = impostor.collateral(impostor.tcbInfo(UP_TO_DATE_SGX), impostor.identity(QE));

    assertThat(sgxReason(quote, c)).isEqualTo(Reason.PCK_CHAIN_INVALID);
  }

  @Test
  void afterThePckCertificateExpired_theChainIsRefused() {
    try {
      verifier.verify(
          new Evidence(EvidenceType.SGX, sgxQuote(new SyntheticIntel.QuoteSpec())),
          Collateral.empty(),
          VerificationOptions.at(Instant.parse("2027-06-01T00:00:00Z")).signaturesOnly());
      throw new AssertionError("verified with an expired chain");
    } catch (AttestationException e) {
      assertThat(e.reason()).isEqualTo(Reason.PCK_CHAIN_INVALID);
    }
  }

  @Test
  void aTcbInfoSignedByAnotherKey_isRefused() {
    SignedJson forged =
        SyntheticIntel.signed(JsonKind.TCB_INFO, UP_TO_DATE_SGX, intel.attestationKey);

    assertThat(
            sgxReason(
                sgxQuote(new SyntheticIntel.QuoteSpec()),
                intel.collateral(forged, intel.identity(QE))))
        .isEqualTo(Reason.COLLATERAL_SIGNATURE_INVALID);
  }

  @Test
  void qeReportDataWithANonZeroTail_isRefused() {
    SyntheticIntel.QuoteSpec spec = new SyntheticIntel.QuoteSpec();
    spec.nonZeroReportDataTail = true;

    assertThat(sgxReason(sgxQuote(spec), sgxCollateral(UP_TO_DATE_SGX, QE)))
        .isEqualTo(Reason.QE_REPORT_DATA_MISMATCH);
  }

  // --- TCB levels ------------------------------------------------------------------------------

  @Test
  void aRevokedPlatformLevel_isRefused() {
    assertThat(
            sgxReason(
                sgxQuote(new SyntheticIntel.QuoteSpec()),
                sgxCollateral(sgxInfo(level(PLATFORM, PCE_SVN, null, "Revoked")), QE)))
        .isEqualTo(Reason.TCB_REVOKED);
  }

  @Test
  void levelsAreTriedHighestFirst_whateverTheDocumentsOrder() throws Exception {
    VerifiedClaims claims =
        sgx(
            sgxInfo(
                level(svns(1, 1), 1, null, "OutOfDate", "INTEL-SA-00002"),
                level(PLATFORM, PCE_SVN, null, "SWHardeningNeeded", "INTEL-SA-00003")));

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.SW_HARDENING_NEEDED);
    assertThat(claims.advisoryIds()).containsExactly("INTEL-SA-00003");
  }

  @Test
  void componentsAreCompared_oneByOne_notLexicographically() throws Exception {
    // [5,4,9,...] is lexicographically below the platform's [5,5,2,...] but its third component
    // is above the platform's: it does not match.
    VerifiedClaims claims =
        sgx(
            sgxInfo(
                level(svns(5, 4, 9), PCE_SVN, null, "UpToDate"),
                level(svns(1, 1, 1), PCE_SVN, null, "OutOfDate")));

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
  }

  @Test
  void aLowerPceSvnThanEveryLevel_hasNoMatchingLevel() {
    assertThat(
            sgxReason(
                sgxQuote(new SyntheticIntel.QuoteSpec()),
                sgxCollateral(sgxInfo(level(PLATFORM, PCE_SVN + 1, null, "UpToDate")), QE)))
        .isEqualTo(Reason.NO_MATCHING_TCB_LEVEL);
  }

  @Test
  void theTcbInfoWithTheHighestEvaluationNumber_isUsed() throws Exception {
    SignedJson older =
        intel.tcbInfo(tcbInfoJson("SGX", 16, null, level(PLATFORM, PCE_SVN, null, "UpToDate")));
    SignedJson newer =
        intel.tcbInfo(tcbInfoJson("SGX", 18, null, level(PLATFORM, PCE_SVN, null, "OutOfDate")));

    VerifiedClaims claims =
        verifySgx(
            sgxQuote(new SyntheticIntel.QuoteSpec()),
            intel.collateral(older, newer, intel.identity(QE)));

    assertThat(claims.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
  }

  // --- QE identity and QE level ----------------------------------------------------------------

  @Test
  void anOutOfDateQe_downgradesThePlatformStatus_andAddsItsAdvisories() throws Exception {
    SyntheticIntel.QuoteSpec spec = new SyntheticIntel.QuoteSpec();
    spec.qeIsvSvn = 7;

    VerifiedClaims upToDate = verifySgx(sgxQuote(spec), sgxCollateral(UP_TO_DATE_SGX, QE));
    VerifiedClaims configuration =
        verifySgx(
            sgxQuote(spec),
            sgxCollateral(sgxInfo(level(PLATFORM, PCE_SVN, null, "ConfigurationNeeded")), QE));

    assertThat(upToDate.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
    assertThat(upToDate.advisoryIds()).containsExactly("INTEL-SA-00001");
    assertThat(configuration.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE_CONFIGURATION_NEEDED);
  }

  @Test
  void aQeBelowEveryLevel_orOnARevokedLevel_isRefused() {
    SyntheticIntel.QuoteSpec low = new SyntheticIntel.QuoteSpec();
    low.qeIsvSvn = 5;
    String revoked = identityJson("QE", isvLevel(8, "Revoked"));

    assertThat(sgxReason(sgxQuote(low), sgxCollateral(UP_TO_DATE_SGX, QE)))
        .isEqualTo(Reason.NO_MATCHING_TCB_LEVEL);
    assertThat(
            sgxReason(
                sgxQuote(new SyntheticIntel.QuoteSpec()), sgxCollateral(UP_TO_DATE_SGX, revoked)))
        .isEqualTo(Reason.TCB_REVOKED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"MRSIGNER", "ISVPRODID", "MISCSELECT", "ATTRIBUTES"})
  void aQeThatIsNotIntels_isRefused(String field) {
    SyntheticIntel.QuoteSpec spec = new SyntheticIntel.QuoteSpec();
    switch (field) {
      case "MRSIGNER" -> spec.qeMrSigner[0] ^= 1;
      case "ISVPRODID" -> spec.qeProdId = 3;
      case "MISCSELECT" -> spec.qeMiscSelect = 1;
      default -> spec.qeAttributes[0] = 0x13;
    }

    assertThat(sgxReason(sgxQuote(spec), sgxCollateral(UP_TO_DATE_SGX, QE)))
        .isEqualTo(Reason.QE_IDENTITY_MISMATCH);
  }

  @Test
  void qeAttributeBitsOutsideTheMask_areIgnored() throws Exception {
    SyntheticIntel.QuoteSpec spec = new SyntheticIntel.QuoteSpec();
    spec.qeAttributes[0] = 0x15; // bit 2 is masked out
    spec.qeAttributes[9] = 0x7f; // XFRM is masked out entirely

    assertThat(verifySgx(sgxQuote(spec), sgxCollateral(UP_TO_DATE_SGX, QE)).tcbStatus())
        .isEqualTo(TcbStatus.UP_TO_DATE);
  }

  // --- TDX ---------------------------------------------------------------------------------------

  private static final int[] TDX_LEVEL = svns(0, 0, 3);
  private static final String TDX_01 =
      moduleIdentity("TDX_01", isvLevel(4, "UpToDate"), isvLevel(2, "OutOfDate", "INTEL-SA-00004"));

  private static byte[] tee(int... first) {
    byte[] b = new byte[16];
    for (int i = 0; i < first.length; i++) {
      b[i] = (byte) first[i];
    }
    return b;
  }

  private Reason tdxReason(byte[] body, String tcbInfo) {
    try {
      tdx(body, tcbInfo);
      return null;
    } catch (AttestationException e) {
      return e.reason();
    }
  }

  private VerifiedClaims tdx(byte[] body, String tcbInfo) throws AttestationException {
    SyntheticIntel.QuoteSpec spec = new SyntheticIntel.QuoteSpec();
    spec.qeProdId = 2;
    return verifier.verify(
        new Evidence(EvidenceType.TDX, intel.tdxQuote(body, spec)),
        intel.collateral(intel.tcbInfo(tcbInfo), intel.identity(TD_QE)),
        VerificationOptions.at(NOW));
  }

  private static byte[] td(byte[] teeTcbSvn) {
    return SyntheticIntel.tdBody(teeTcbSvn, null, new byte[48], new byte[8]);
  }

  private static String tdxInfo(String modules, String... levels) {
    return tcbInfoJson("TDX", 17, modules, levels);
  }

  private static final String TDX_INFO =
      tdxInfo(
          TDX_01,
          level(PLATFORM, PCE_SVN, TDX_LEVEL, "UpToDate"),
          level(PLATFORM, PCE_SVN, svns(0, 0, 2), "OutOfDate", "INTEL-SA-00005"));

  @Test
  void aTdxQuote_isJudgedWithItsModuleIdentity() throws Exception {
    assertThat(tdx(td(tee(4, 1, 3)), TDX_INFO).tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    VerifiedClaims moduleOutOfDate = tdx(td(tee(3, 1, 3)), TDX_INFO);
    assertThat(moduleOutOfDate.tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
    assertThat(moduleOutOfDate.advisoryIds()).containsExactly("INTEL-SA-00004");
    assertThat(tdxReason(td(tee(1, 1, 3)), TDX_INFO)).isEqualTo(Reason.NO_MATCHING_TCB_LEVEL);
  }

  @Test
  void tdxBytesZeroAndOne_areLeftToTheModuleIdentity() throws Exception {
    // The level asks for 9 and 9 in bytes 0 and 1; with a module major version they are skipped.
    String info = tdxInfo(TDX_01, level(PLATFORM, PCE_SVN, svns(9, 9, 3), "UpToDate"));

    assertThat(tdx(td(tee(4, 1, 3)), info).tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
  }

  @Test
  void withoutAModuleMajorVersion_all16BytesAreCompared() throws Exception {
    String info =
        tdxInfo(
            null,
            level(PLATFORM, PCE_SVN, svns(5, 0, 3), "UpToDate"),
            level(PLATFORM, PCE_SVN, svns(3, 0, 3), "OutOfDate"));

    assertThat(tdx(td(tee(5, 0, 3)), info).tcbStatus()).isEqualTo(TcbStatus.UP_TO_DATE);
    assertThat(tdx(td(tee(4, 0, 3)), info).tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
  }

  @Test
  void aModuleThatDoesNotMatchItsIdentity_isRefused() {
    assertThat(tdxReason(td(tee(4, 2, 3)), TDX_INFO))
        .as("no TDX_02 identity")
        .isEqualTo(Reason.TDX_MODULE_MISMATCH);
    byte[] signer =
        SyntheticIntel.tdBody(tee(4, 1, 3), null, SyntheticIntel.filled(48, 1), new byte[8]);
    assertThat(tdxReason(signer, TDX_INFO))
        .as("MRSIGNERSEAM")
        .isEqualTo(Reason.TDX_MODULE_MISMATCH);
    byte[] attributes =
        SyntheticIntel.tdBody(tee(4, 1, 3), null, new byte[48], tee(0, 0, 0, 0, 0, 0, 0, 1));
    assertThat(tdxReason(attributes, TDX_INFO))
        .as("SEAMATTRIBUTES")
        .isEqualTo(Reason.TDX_MODULE_MISMATCH);
  }

  @Test
  void aTd15WhoseCurrentTcbIsBetterThanItsLaunchTcb_isAdvisedToRelaunch() throws Exception {
    byte[] body = SyntheticIntel.tdBody(tee(4, 1, 2), tee(4, 1, 3), new byte[48], new byte[8]);
    String configuration =
        tdxInfo(
            TDX_01,
            level(PLATFORM, PCE_SVN, TDX_LEVEL, "ConfigurationNeeded"),
            level(PLATFORM, PCE_SVN, svns(0, 0, 2), "OutOfDate"));

    assertThat(tdx(body, TDX_INFO).tcbStatus()).isEqualTo(TcbStatus.TD_RELAUNCH_ADVISED);
    assertThat(tdx(body, configuration).tcbStatus())
        .isEqualTo(TcbStatus.TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED);
    // Relaunching would not help when the current TCB is just as old.
    byte[] stale = SyntheticIntel.tdBody(tee(4, 1, 2), tee(4, 1, 2), new byte[48], new byte[8]);
    assertThat(tdx(stale, TDX_INFO).tcbStatus()).isEqualTo(TcbStatus.OUT_OF_DATE);
  }

  @Test
  void anSgxTcbInfo_doesNotJudgeATdxQuote() {
    assertThat(tdxReason(td(tee(4, 1, 3)), UP_TO_DATE_SGX)).isEqualTo(Reason.FMSPC_MISMATCH);
  }
}
