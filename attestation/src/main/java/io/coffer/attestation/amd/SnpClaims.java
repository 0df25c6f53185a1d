package io.coffer.attestation.amd;

import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import java.time.Instant;

/**
 * The claims of a verified SEV-SNP report: every ATTESTATION_REPORT field by its ABI name in lower
 * camel case ({@code hostData}, {@code reportedTcb}, ...; numbers for integers, bytes for arrays),
 * then decoded values: {@code product}, {@code productName}, {@code signingKey}, {@code cspId}
 * (VLEK), the components of each TCB ({@code reportedTcbBootloader}, {@code ...Tee}, {@code
 * ...Snp}, {@code ...Microcode}, on Turin {@code ...Fmc}; likewise for {@code currentTcb}, {@code
 * committedTcb}, {@code launchTcb}), the POLICY bits ({@code policyDebug}, ...), the PLATFORM_INFO
 * bits ({@code platformInfoSmtEn}, ...) and the flags ({@code authorKeyEn}, {@code maskChipKey}).
 */
final class SnpClaims {

  private SnpClaims() {}

  /** A builder holding the report's claims; the caller may add its own and builds it. */
  static VerifiedClaims.Builder of(EvidenceType type, VerifiedReport verified, Instant at) {
    SnpReport r = verified.report();
    VerifiedChain chain = verified.chain();
    VerifiedClaims.Builder b =
        VerifiedClaims.builder(type, at)
            .tcbStatus(TcbStatus.UNKNOWN)
            .debug(r.policy().debug())
            .reportData(r.reportData())
            .collateralValidity(chain.validFrom(), chain.validUntil());
    b.number("version", r.version())
        .number("guestSvn", r.guestSvn())
        .number("policy", r.policy().raw())
        .bytes("familyId", r.familyId())
        .bytes("imageId", r.imageId())
        .number("vmpl", r.vmpl())
        .number("signatureAlgo", r.signatureAlgo())
        .number("currentTcb", r.currentTcb())
        .number("platformInfo", r.platformInfo().raw())
        .number("flags", r.signerInfo().raw())
        .bytes("reportData", r.reportData())
        .bytes("measurement", r.measurement())
        .bytes("hostData", r.hostData())
        .bytes("idKeyDigest", r.idKeyDigest())
        .bytes("authorKeyDigest", r.authorKeyDigest())
        .bytes("reportId", r.reportId())
        .bytes("reportIdMa", r.reportIdMa())
        .number("reportedTcb", r.reportedTcb());
    r.cpuid()
        .ifPresent(c ->
            b.number("cpuidFamId", c.family())
                .number("cpuidModId", c.model())
                .number("cpuidStep", c.stepping()));
    b.bytes("chipId", r.chipId())
        .number("committedTcb", r.committedTcb())
        .number("currentBuild", r.currentBuild())
        .number("currentMinor", r.currentMinor())
        .number("currentMajor", r.currentMajor())
        .number("committedBuild", r.committedBuild())
        .number("committedMinor", r.committedMinor())
        .number("committedMajor", r.committedMajor())
        .number("launchTcb", r.launchTcb());
    r.launchMitVector().ifPresent(v -> b.number("launchMitVector", v));
    r.currentMitVector().ifPresent(v -> b.number("currentMitVector", v));

    b.text("product", chain.product().displayName())
        .text("productName", chain.leaf().productName())
        .text("signingKey", r.signerInfo().signingKey().claimName());
    chain.leaf().cspId().ifPresent(c -> b.text("cspId", c));
    tcb(b, "currentTcb", verified.tcbs().current());
    tcb(b, "reportedTcb", verified.tcbs().reported());
    tcb(b, "committedTcb", verified.tcbs().committed());
    tcb(b, "launchTcb", verified.tcbs().launch());

    GuestPolicy p = r.policy();
    b.number("policyAbiMinor", p.abiMinor())
        .number("policyAbiMajor", p.abiMajor())
        .flag("policySmt", p.smt())
        .flag("policyMigrateMa", p.migrateMa())
        .flag("policyDebug", p.debug())
        .flag("policySingleSocket", p.singleSocket())
        .flag("policyCxlAllow", p.cxlAllow())
        .flag("policyMemAes256Xts", p.memAes256Xts())
        .flag("policyRaplDis", p.raplDis())
        .flag("policyCiphertextHiding", p.ciphertextHiding())
        .flag("policyPageSwapDisable", p.pageSwapDisable());
    PlatformInfo i = r.platformInfo();
    b.flag("platformInfoSmtEn", i.smtEn())
        .flag("platformInfoTsmeEn", i.tsmeEn())
        .flag("platformInfoEccEn", i.eccEn())
        .flag("platformInfoRaplDis", i.raplDis())
        .flag("platformInfoCiphertextHidingEn", i.ciphertextHidingEn())
        .flag("platformInfoAliasCheckComplete", i.aliasCheckComplete())
        .flag("platformInfoTioEn", i.tioEn());
    b.flag("authorKeyEn", r.signerInfo().authorKeyEn())
        .flag("maskChipKey", r.signerInfo().maskChipKey());
    return b;
  }

  private static void tcb(VerifiedClaims.Builder b, String prefix, TcbVersion t) {
    b.number(prefix + "Bootloader", t.bootloader())
        .number(prefix + "Tee", t.tee())
        .number(prefix + "Snp", t.snp())
        .number(prefix + "Microcode", t.microcode());
    t.fmc().ifPresent(f -> b.number(prefix + "Fmc", f));
  }
}
