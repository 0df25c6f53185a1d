package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.EvidenceVerifier;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.internal.BoundedCache;
import io.coffer.attestation.internal.ByteKey;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Verifies Intel SGX and TDX DCAP quotes (versions 3, 4 and 5) against Intel's collateral, as
 * {@code docs/attestation.md} describes. In order:
 *
 * <ol>
 *   <li>the quote's structure ({@code MALFORMED_EVIDENCE}, {@code UNSUPPORTED_VERSION});
 *   <li>the PCK chain to a trusted Intel root, valid at the instant ({@code PCK_CHAIN_INVALID});
 *   <li>the QE report's signature by the PCK key ({@code QE_REPORT_SIGNATURE_INVALID}), and its
 *       report data: SHA-256 of the attestation key and QE authentication data, then 32 zero bytes
 *       ({@code QE_REPORT_DATA_MISMATCH});
 *   <li>the quote's signature by the attestation key ({@code QUOTE_SIGNATURE_INVALID});
 *   <li>revocation of the PCK CA and PCK certificates by the root CA and PCK CA CRLs ({@code
 *       CERT_REVOKED}; CRLs required unless signature-only);
 *   <li>unless signature-only: the TCB info for the platform's FMSPC and PCE-ID, signed, current
 *       ({@code FMSPC_MISMATCH}, {@code COLLATERAL_*});
 *   <li>the QE identity ({@code QE} or {@code TD_QE}), signed, current, and matching the QE report
 *       ({@code QE_IDENTITY_MISMATCH}); required unless signature-only, checked if present;
 *   <li>for TDX, the TDX module's signer and attributes ({@code TDX_MODULE_MISMATCH});
 *   <li>the TCB level of platform, QE and TDX module and their converged status ({@code
 *       NO_MATCHING_TCB_LEVEL}, {@code TCB_REVOKED}).
 * </ol>
 *
 * <p>Signature checks of certificates, CRLs, collateral documents and QE reports are remembered by
 * content, and parsed PCK chains and collateral are cached, so that verifying many quotes against
 * the same collateral costs little more than each quote's own signature. Thread-safe.
 */
public final class DcapVerifier implements EvidenceVerifier {

  private static final byte[] ZERO_32 = new byte[32];

  private final IntelPki pki;
  private final SignatureMemo memo;
  private final IntelCollateral documents;
  private final BoundedCache<ByteKey, PckPath> pckChains = new BoundedCache<>(1024);
  private final BoundedCache<ByteKey, PublicKey> attestationKeys = new BoundedCache<>(4096);

  /** A verifier that trusts the Intel roots of {@code anchors}. */
  public DcapVerifier(TrustAnchors anchors) {
    this.memo = new SignatureMemo(16_384);
    this.pki = new IntelPki(anchors.intelRoots(), memo);
    this.documents = new IntelCollateral(pki);
  }

  /** The PCK chain, leaf first, and the leaf's SGX extensions. */
  private record PckPath(List<X509Certificate> chain, PckExtensions extensions) {
    X509Certificate leaf() {
      return chain.get(0);
    }

    X509Certificate ca() {
      return chain.get(1);
    }

    X509Certificate root() {
      return chain.get(2);
    }
  }

  @Override
  public VerifiedClaims verify(
      Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    EvidenceType type = evidence.type();
    if (type != EvidenceType.SGX && type != EvidenceType.TDX) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "a DCAP verifier cannot verify " + type.cliName());
    }
    Quote quote = Quote.parse(evidence.bytes());
    if (quote.isTdx() != (type == EvidenceType.TDX)) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE,
          "the evidence is "
              + (quote.isTdx() ? "a TDX" : "an SGX")
              + " quote, not "
              + type.cliName()
              + " evidence");
    }
    Instant at = options.at();
    boolean full = !options.signatureOnly();
    VerifiedClaims.Builder claims = VerifiedClaims.builder(type, at);

    PckPath pck = pckPath(quote, collateral);
    pki.verifyPckChain(pck.chain(), at, claims);

    byte[] qeReport = quote.qeReport().raw();
    if (!memo.qeReport(qeReport, quote.qeReportSignature(), pck.leaf().getPublicKey())) {
      throw new AttestationException(
          Reason.QE_REPORT_SIGNATURE_INVALID,
          "the QE report is not signed by the PCK certificate's key");
    }
    byte[] expected = sha256(quote.attestationKey(), quote.qeAuthData());
    byte[] qeData = quote.qeReport().reportData();
    if (!Arrays.equals(qeData, 0, 32, expected, 0, 32)
        || !Arrays.equals(qeData, 32, 64, ZERO_32, 0, 32)) {
      throw new AttestationException(
          Reason.QE_REPORT_DATA_MISMATCH,
          "the QE report data is not SHA-256(attestation key || QE authentication data) followed"
              + " by zeros: the attestation key is not the one the QE certified");
    }
    PublicKey attestationKey = attestationKey(quote.attestationKey());
    if (!Ecdsa.verify(attestationKey, quote.signedBytes(), quote.signature())) {
      throw new AttestationException(
          Reason.QUOTE_SIGNATURE_INVALID,
          "the quote's signature does not verify with its attestation key");
    }

    List<X509CRL> crls = collateral.crls();
    pki.checkRevocation(pck.ca(), pck.root(), crls, at, full, "PCK CA", claims);
    pki.checkRevocation(pck.leaf(), pck.ca(), crls, at, full, "PCK", claims);

    PckExtensions ext = pck.extensions();
    TcbInfo tcbInfo = null;
    if (full) {
      IntelCollateral.Signed<TcbInfo> info =
          documents.tcbInfo(collateral, quote.isTdx(), ext.fmspc(), ext.pceId(), at, claims);
      tcbInfo = info.value();
      signerInUse(info.signer(), crls, at, full, claims);
    }
    String qeId = quote.isTdx() ? "TD_QE" : "QE";
    IntelCollateral.Signed<EnclaveIdentity> identity =
        documents.identity(collateral, qeId, full, at, claims);
    if (identity != null) {
      signerInUse(identity.signer(), crls, at, full, claims);
      requireQeIdentity(quote.qeReport(), identity.value());
    }

    if (quote.isTdx()) {
      TdReport td = quote.tdBody().orElseThrow();
      if (tcbInfo != null) {
        requireTdxModule(td, tcbInfo);
        TcbEvaluation.Result r =
            TcbEvaluation.tdx(
                ext,
                quote.qeReport().isvSvn(),
                td.teeTcbSvn(),
                td.isV15() ? Optional.of(td.teeTcbSvn2()) : Optional.empty(),
                tcbInfo,
                identity.value());
        claims.tcbStatus(r.status()).advisoryIds(r.advisoryIds());
      }
      tdClaims(td, claims);
    } else {
      EnclaveReport body = quote.sgxBody().orElseThrow();
      if (tcbInfo != null) {
        TcbEvaluation.Result r =
            TcbEvaluation.sgx(ext, quote.qeReport().isvSvn(), tcbInfo, identity.value());
        claims.tcbStatus(r.status()).advisoryIds(r.advisoryIds());
      }
      sgxClaims(body, claims);
    }
    claims
        .number("quoteVersion", quote.version())
        .bytes("fmspc", ext.fmspc())
        .bytes("pceId", ext.pceId())
        .number("pceSvn", ext.pceSvn())
        .number("qeSvn", quote.qeReport().isvSvn());
    if (tcbInfo != null) {
      claims.number(
          "tcbEvaluationDataNumber",
          Math.min(tcbInfo.evaluationDataNumber(), identity.value().evaluationDataNumber()));
    }
    return claims.build();
  }

  /** Checks that the TCB signing certificate is not revoked and narrows the validity window. */
  private void signerInUse(
      X509Certificate signer,
      List<X509CRL> crls,
      Instant at,
      boolean required,
      VerifiedClaims.Builder claims)
      throws AttestationException {
    X509Certificate root = pki.trustedIssuer(signer);
    pki.checkRevocation(signer, root, crls, at, required, "TCB Signing", claims);
    claims.collateralValidity(signer.getNotBefore().toInstant(), signer.getNotAfter().toInstant());
  }

  /**
   * The PCK chain: from certification data type 5 when the quote carries it (cached by its bytes),
   * otherwise the PCK certificate in the collateral whose key signed the QE report, with its
   * issuers from the collateral and the trusted roots.
   */
  private PckPath pckPath(Quote quote, Collateral collateral) throws AttestationException {
    if (quote.certificationDataType() == Quote.CERT_PCK_CHAIN) {
      ByteKey key = ByteKey.of(quote.certificationData());
      PckPath cached = pckChains.get(key);
      if (cached != null) {
        return cached;
      }
      List<X509Certificate> chain = PckChain.parse(quote.certificationData());
      PckPath path = new PckPath(List.copyOf(chain), PckExtensions.of(chain.getFirst()));
      pckChains.put(key, path);
      return path;
    }
    List<X509Certificate> pool = new ArrayList<>(collateral.certificates());
    if (quote.certificationDataType() == 4) {
      pool.addAll(certificates(quote.certificationData()));
    }
    byte[] report = quote.qeReport().raw();
    byte[] signature = quote.qeReportSignature();
    X509Certificate leaf = null;
    for (X509Certificate c : pool) {
      if (c.getBasicConstraints() < 0
          && c.getExtensionValue(PckExtensions.SGX_EXTENSIONS) != null
          && memo.qeReport(report, signature, c.getPublicKey())) {
        leaf = c;
        break;
      }
    }
    if (leaf == null) {
      throw new AttestationException(
          Reason.COLLATERAL_MISSING,
          "the quote has no PCK certificate chain (certification data type "
              + quote.certificationDataType()
              + ") and the collateral has no PCK certificate whose key signed its QE report");
    }
    pool.addAll(pki.roots());
    List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
    while (chain.size() < 3) {
      X509Certificate last = chain.getLast();
      X509Certificate issuer = null;
      for (X509Certificate c : pool) {
        if (c.getSubjectX500Principal().equals(last.getIssuerX500Principal())
            && c.getBasicConstraints() >= 0
            && memo.certificate(last, c.getPublicKey())) {
          issuer = c;
          break;
        }
      }
      if (issuer == null) {
        throw new AttestationException(
            Reason.PCK_CHAIN_INVALID,
            "no issuer of '" + IntelPki.name(last) + "' in the collateral or the trusted roots");
      }
      chain.add(issuer);
    }
    return new PckPath(List.copyOf(chain), PckExtensions.of(leaf));
  }

  private static List<X509Certificate> certificates(byte[] data) {
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (var c :
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(data))) {
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
      return out;
    } catch (CertificateException | RuntimeException e) {
      return List.of();
    }
  }

  private PublicKey attestationKey(byte[] xy) throws AttestationException {
    ByteKey key = ByteKey.of(xy);
    PublicKey known = attestationKeys.get(key);
    if (known != null) {
      return known;
    }
    try {
      PublicKey k = Ecdsa.publicKey(xy);
      attestationKeys.put(key, k);
      return k;
    } catch (GeneralSecurityException e) {
      throw new AttestationException(
          Reason.QUOTE_SIGNATURE_INVALID, "the attestation key is not a P-256 public key");
    }
  }

  /**
   * The QE report against its identity, as Intel's library compares them: MISCSELECT and ATTRIBUTES
   * masked on the report's side, MRSIGNER and ISVPRODID exact.
   */
  private static void requireQeIdentity(EnclaveReport qe, EnclaveIdentity id)
      throws AttestationException {
    byte[] misc = qe.miscSelectBytes();
    byte[] miscMask = id.miscSelectMask();
    byte[] miscWanted = id.miscSelect();
    for (int i = 0; i < 4; i++) {
      if ((misc[i] & miscMask[i]) != miscWanted[i]) {
        throw qeMismatch("its MISCSELECT does not match the " + id.id() + " identity");
      }
    }
    byte[] attributes = qe.attributes();
    byte[] mask = id.attributesMask();
    byte[] wanted = id.attributes();
    for (int i = 0; i < 16; i++) {
      if ((attributes[i] & mask[i]) != wanted[i]) {
        throw qeMismatch("its ATTRIBUTES do not match the " + id.id() + " identity");
      }
    }
    if (!Arrays.equals(qe.mrSigner(), id.mrSigner())) {
      throw qeMismatch(
          "its MRSIGNER "
              + HexFormat.of().formatHex(qe.mrSigner())
              + " is not the "
              + id.id()
              + " identity's");
    }
    if (qe.isvProdId() != id.isvProdId()) {
      throw qeMismatch(
          "its ISVPRODID " + qe.isvProdId() + " is not the identity's " + id.isvProdId());
    }
  }

  private static AttestationException qeMismatch(String detail) {
    return new AttestationException(
        Reason.QE_IDENTITY_MISMATCH, "the quoting enclave is not Intel's: " + detail);
  }

  /**
   * The TDX module's signer and attributes: those of the {@code TDX_<major>} module identity when
   * TEE_TCB_SVN[1] (the module's major version) is not zero, else of the TCB info's {@code
   * tdxModule}. SEAMATTRIBUTES must be zero and equal the identity's attributes, as in Intel's
   * library.
   */
  private static void requireTdxModule(TdReport td, TcbInfo info) throws AttestationException {
    byte[] tee = td.teeTcbSvn();
    TdxModuleIdentity expected;
    if ((tee[1] & 0xff) > 0) {
      String id = String.format("TDX_%02X", tee[1] & 0xff);
      expected =
          info.tdxModuleIdentities().stream()
              .filter(m -> m.id().toUpperCase(java.util.Locale.ROOT).equals(id))
              .findFirst()
              .orElseThrow(() ->
                  new AttestationException(
                      Reason.TDX_MODULE_MISMATCH,
                      "the TCB info has no identity for the TDX module " + id));
    } else {
      expected =
          info.tdxModule()
              .orElseThrow(() ->
                  new AttestationException(
                      Reason.COLLATERAL_MALFORMED, "the TDX TCB info has no tdxModule"));
    }
    if (!Arrays.equals(td.mrSignerSeam(), expected.mrSigner())) {
      throw new AttestationException(
          Reason.TDX_MODULE_MISMATCH,
          "the TDX module's MRSIGNERSEAM is not the signer of " + expected.id());
    }
    byte[] attributes = td.seamAttributes();
    byte[] wanted = expected.attributes();
    for (int i = 0; i < attributes.length; i++) {
      if (attributes[i] != 0 || attributes[i] != wanted[i]) {
        throw new AttestationException(
            Reason.TDX_MODULE_MISMATCH,
            "the TDX module's SEAMATTRIBUTES "
                + HexFormat.of().formatHex(attributes)
                + " are not the zero attributes of "
                + expected.id());
      }
    }
  }

  private static void sgxClaims(EnclaveReport r, VerifiedClaims.Builder claims) {
    claims
        .debug(r.debug())
        .reportData(r.reportData())
        .bytes("cpuSvn", r.cpuSvn())
        .bytes("miscSelect", r.miscSelectBytes())
        .bytes("isvExtProdId", r.isvExtProdId())
        .bytes("attributes", r.attributes())
        .bytes("mrEnclave", r.mrEnclave())
        .bytes("mrSigner", r.mrSigner())
        .bytes("configId", r.configId())
        .number("isvProdId", r.isvProdId())
        .number("isvSvn", r.isvSvn())
        .number("configSvn", r.configSvn())
        .bytes("isvFamilyId", r.isvFamilyId())
        .bytes("reportData", r.reportData());
  }

  private static void tdClaims(TdReport r, VerifiedClaims.Builder claims) {
    claims
        .debug(r.debug())
        .reportData(r.reportData())
        .bytes("teeTcbSvn", r.teeTcbSvn())
        .bytes("mrSeam", r.mrSeam())
        .bytes("mrSignerSeam", r.mrSignerSeam())
        .bytes("seamAttributes", r.seamAttributes())
        .bytes("tdAttributes", r.tdAttributes())
        .bytes("xfam", r.xfam())
        .bytes("mrTd", r.mrTd())
        .bytes("mrConfigId", r.mrConfigId())
        .bytes("mrOwner", r.mrOwner())
        .bytes("mrOwnerConfig", r.mrOwnerConfig())
        .bytes("rtmr0", r.rtmr(0))
        .bytes("rtmr1", r.rtmr(1))
        .bytes("rtmr2", r.rtmr(2))
        .bytes("rtmr3", r.rtmr(3))
        .bytes("reportData", r.reportData());
    if (r.isV15()) {
      claims.bytes("teeTcbSvn2", r.teeTcbSvn2()).bytes("mrServiceTd", r.mrServiceTd());
    }
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(a);
      d.update(b);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
