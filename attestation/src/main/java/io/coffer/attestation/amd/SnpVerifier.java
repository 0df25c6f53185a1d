package io.coffer.attestation.amd;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.EvidenceVerifier;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.internal.BoundedCache;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;

/**
 * Verifies an AMD SEV-SNP attestation report ({@link EvidenceType#SNP}) against the VCEK or VLEK in
 * the collateral and the pinned AMD ARK of its product line.
 *
 * <p>Steps, in this order so that the reason names the first thing wrong:
 *
 * <ol>
 *   <li>parse the report strictly ({@link SnpReport}); an unsigned report (MASK_CHIP_KEY, or
 *       SIGNING_KEY = none) is {@code REPORT_SIGNATURE_INVALID};
 *   <li>find the key's certificate in the collateral: a VCEK if SIGNING_KEY says VCEK, a VLEK if it
 *       says VLEK; none of that kind is {@code COLLATERAL_MISSING};
 *   <li>verify its chain to the pinned ARK at {@link VerificationOptions#at()} ({@link
 *       ChainVerifier}: {@code VCEK_CHAIN_INVALID}, also for a certificate not valid then); the
 *       product line of a v3+ report's CPUID must be the chain's ({@code VCEK_CHAIN_INVALID}); the
 *       TCB fields are decoded with that line's layout;
 *   <li>verify the ECDSA P-384 SHA-384 signature over bytes 0..0x29F with the leaf's key ({@code
 *       REPORT_SIGNATURE_INVALID});
 *   <li>REPORTED_TCB must equal the leaf's SPLs, and for a VCEK the CPUID stepping and CHIP_ID its
 *       productName and hwID ({@link ReportBinding}: {@code TCB_MISMATCH}).
 * </ol>
 *
 * A report altered after signing therefore fails on its signature even where the alteration also
 * breaks the TCB binding; the binding step is tested on its own.
 *
 * <p>The TCB status is always {@link TcbStatus#UNKNOWN}: AMD publishes no TCB status for SEV-SNP
 * (there is no counterpart to Intel's TCB info). The VCEK/VLEK proves which TCB the platform
 * reports, and the claims carry every TCB component; whether it is recent enough is for a policy's
 * minimum TCB to decide. For the same reason {@link VerificationOptions#signatureOnly()} changes
 * nothing here. The claims are those of {@link SnpClaims}; {@code debug} is the POLICY DEBUG bit,
 * and the collateral validity is the intersection of the three certificates' validity.
 *
 * <p>Chains are verified once and then reused (a bounded cache, keyed by the SHA-256 of the leaf,
 * intermediate and ARK), so that a report costs one ECDSA P-384 verification while its certificates
 * are valid. Thread-safe.
 *
 * <p>Not checked here (policy): VMPL, the debug and migration bits, minimum TCBs, that COMMITTED
 * equals CURRENT, firmware versions, REPORT_DATA and HOST_DATA values. Not protected against: a
 * compromised AMD root or firmware; replay of a captured report (freshness is the caller's nonce in
 * REPORT_DATA). CRLs are not consulted: AMD revokes only intermediates, whose CRL changes rarely.
 */
public final class SnpVerifier implements EvidenceVerifier {

  /** How many certificates of the signing key's kind are tried when the collateral has several. */
  static final int MAX_CANDIDATE_KEYS = 16;

  private static final String ECDSA = "SHA384withECDSA";

  /** Chains kept: one per VCEK (machine and TCB) or VLEK in use, ample for a fleet. */
  static final int CHAIN_CACHE_ENTRIES = 4096;

  private final ChainVerifier chains;

  /** A verifier trusting the AMD ARKs of {@code anchors}, with a cache of verified chains. */
  public SnpVerifier(TrustAnchors anchors) {
    this(anchors, new BoundedCache<>(CHAIN_CACHE_ENTRIES));
  }

  SnpVerifier(TrustAnchors anchors, BoundedCache<String, VerifiedChain> cache) {
    this.chains = new ChainVerifier(anchors, cache);
  }

  @Override
  public VerifiedClaims verify(
      Evidence evidence, Collateral collateral, VerificationOptions options)
      throws AttestationException {
    if (evidence.type() != EvidenceType.SNP) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION,
          "the SNP verifier takes snp evidence, not " + evidence.type().cliName());
    }
    VerifiedReport verified = verifyReport(evidence.bytes(), collateral, options.at());
    return SnpClaims.of(EvidenceType.SNP, verified, options.at()).build();
  }

  /**
   * Verifies the raw report {@code bytes} (steps 1 to 5 above).
   *
   * @throws AttestationException with the reason
   */
  VerifiedReport verifyReport(byte[] bytes, Collateral collateral, Instant at)
      throws AttestationException {
    SnpReport report = SnpReport.parse(bytes);
    SignerInfo signer = report.signerInfo();
    if (!signer.signed()) {
      throw new AttestationException(
          Reason.REPORT_SIGNATURE_INVALID,
          "the SNP report is not signed ("
              + (signer.maskChipKey() ? "MASK_CHIP_KEY is set" : "SIGNING_KEY is none")
              + ")");
    }
    X509Certificate leaf = signingCertificate(report, collateral);
    VerifiedChain chain = chains.verify(leaf, collateral.certificates(), at);
    ProductLine product = chain.product();
    if (report.cpuidProduct().isPresent() && report.cpuidProduct().get() != product) {
      throw new AttestationException(
          Reason.VCEK_CHAIN_INVALID,
          "the report's CPUID is a "
              + report.cpuidProduct().get()
              + " but its "
              + signer.signingKey().commonName()
              + " and chain are for "
              + product);
    }
    if (report.version() == 2 && product == ProductLine.TURIN) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, "Turin firmware makes version 3 or later reports, not 2");
    }
    SnpReport.Tcbs tcbs = report.tcbs(product);
    if (!signatureVerifies(report, chain.leafKey())) {
      throw new AttestationException(
          Reason.REPORT_SIGNATURE_INVALID,
          "the SNP report's signature does not verify with its "
              + signer.signingKey().commonName()
              + " ("
              + chain.leaf().productName()
              + ")");
    }
    ReportBinding.checkTcb(tcbs.reported(), chain.leaf());
    ReportBinding.checkChip(report, chain.leaf());
    return new VerifiedReport(report, chain, tcbs);
  }

  /** The certificate of the kind of key SIGNING_KEY names. */
  private static X509Certificate signingCertificate(SnpReport report, Collateral collateral)
      throws AttestationException {
    SigningKey wanted = report.signerInfo().signingKey();
    List<X509Certificate> candidates =
        collateral.certificates().stream()
            .filter(c -> EndorsementKey.kindOf(c).filter(k -> k == wanted).isPresent())
            .limit(MAX_CANDIDATE_KEYS)
            .toList();
    if (candidates.isEmpty()) {
      boolean otherKind =
          collateral.certificates().stream().anyMatch(c -> EndorsementKey.kindOf(c).isPresent());
      throw new AttestationException(
          Reason.COLLATERAL_MISSING,
          "the SNP report is signed by a "
              + wanted.commonName()
              + " (SIGNING_KEY) and the collateral has "
              + (otherKind ? "only a certificate of the other kind" : "no VCEK or VLEK"));
    }
    if (candidates.size() > 1) {
      for (X509Certificate c : candidates) {
        if (signatureVerifies(report, c.getPublicKey())) {
          return c;
        }
      }
    }
    return candidates.getFirst();
  }

  /**
   * The report's ECDSA P-384 signature over its first 0x2A0 bytes (SEV-SNP ABI, "Signature
   * Format"), with r and s checked to lie in [1, n-1] before the JCA sees them.
   */
  static boolean signatureVerifies(SnpReport report, PublicKey key) {
    if (!(key instanceof ECPublicKey ec)) {
      return false;
    }
    BigInteger n = ec.getParams().getOrder();
    BigInteger r = report.signatureR();
    BigInteger s = report.signatureS();
    if (r.signum() <= 0 || s.signum() <= 0 || r.compareTo(n) >= 0 || s.compareTo(n) >= 0) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(ECDSA);
      verifier.initVerify(key);
      verifier.update(report.signedBytes());
      return verifier.verify(report.signatureDer());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }
}
