package io.coffer.policy.matching;

import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.TcbStatus;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.Bytes48;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Claims built with the public builder, one per platform, and alternatives that they match in every
 * condition. Tests change one claim or condition at a time.
 */
final class TestClaims {

  static final Instant AT = Instant.parse("2026-11-21T12:00:00Z");

  static final Bytes32 MR_ENCLAVE = b32(0x11);
  static final Bytes32 MR_SIGNER = b32(0x22);
  static final int ISV_PROD_ID = 7;
  static final int ISV_SVN = 3;

  static final Bytes48 MR_TD = b48(0x31);
  static final Bytes48 MR_CONFIG_ID = b48(0x36);
  static final Bytes16 TEE_TCB_SVN = Bytes16.fromHex("06010300000000000000000000000000");

  static final Bytes48 MEASUREMENT = b48(0x41);
  static final Bytes32 HOST_DATA = b32(0x42);
  static final Bytes48 ID_KEY_DIGEST = b48(0x43);
  static final Bytes48 AUTHOR_KEY_DIGEST = b48(0x44);
  static final SnpTcb TCB = new SnpTcb(3, 0, 8, 115, OptionalInt.empty());

  static final Bytes32 SIM_MEASUREMENT = b32(0x51);

  private TestClaims() {}

  static Bytes32 b32(int fill) {
    return Bytes32.fromHex(String.format("%02x", fill).repeat(32));
  }

  static Bytes48 b48(int fill) {
    return Bytes48.fromHex(String.format("%02x", fill).repeat(48));
  }

  static Bytes48 rtmr(int index) {
    return b48(0x32 + index);
  }

  private static VerifiedClaims.Builder base(EvidenceType type, TcbStatus status) {
    return VerifiedClaims.builder(type, AT).tcbStatus(status).reportData(new byte[64]);
  }

  /** Up-to-date SGX claims, without the claims named in {@code omit}. */
  static VerifiedClaims.Builder sgx(String... omit) {
    Set<String> skip = Set.of(omit);
    VerifiedClaims.Builder b = base(EvidenceType.SGX, TcbStatus.UP_TO_DATE);
    if (!skip.contains("mrEnclave")) {
      b.bytes("mrEnclave", MR_ENCLAVE.value());
    }
    if (!skip.contains("mrSigner")) {
      b.bytes("mrSigner", MR_SIGNER.value());
    }
    if (!skip.contains("isvProdId")) {
      b.number("isvProdId", ISV_PROD_ID);
    }
    if (!skip.contains("isvSvn")) {
      b.number("isvSvn", ISV_SVN);
    }
    return b;
  }

  static SgxCondition sgxCondition() {
    return new SgxCondition(
        List.of(b32(0x10), MR_ENCLAVE),
        Optional.of(MR_SIGNER),
        OptionalInt.of(ISV_PROD_ID),
        OptionalInt.of(ISV_SVN),
        OptionalInt.of(ISV_SVN));
  }

  /** Up-to-date TDX claims, without the claims named in {@code omit}. */
  static VerifiedClaims.Builder tdx(String... omit) {
    Set<String> skip = Set.of(omit);
    VerifiedClaims.Builder b = base(EvidenceType.TDX, TcbStatus.UP_TO_DATE);
    if (!skip.contains("mrTd")) {
      b.bytes("mrTd", MR_TD.value());
    }
    for (int i = 0; i < 4; i++) {
      if (!skip.contains("rtmr" + i)) {
        b.bytes("rtmr" + i, rtmr(i).value());
      }
    }
    if (!skip.contains("mrConfigId")) {
      b.bytes("mrConfigId", MR_CONFIG_ID.value());
    }
    if (!skip.contains("teeTcbSvn")) {
      b.bytes("teeTcbSvn", TEE_TCB_SVN.value());
    }
    return b;
  }

  static TdxCondition tdxCondition() {
    return new TdxCondition(
        Optional.of(MR_TD),
        Optional.of(rtmr(0)),
        Optional.of(rtmr(1)),
        Optional.of(rtmr(2)),
        Optional.of(rtmr(3)),
        Optional.of(MR_CONFIG_ID),
        Optional.of(TEE_TCB_SVN));
  }

  /** SEV-SNP claims of {@code type} (status Unknown, as AMD has none), without {@code omit}. */
  static VerifiedClaims.Builder snp(EvidenceType type, String... omit) {
    Set<String> skip = Set.of(omit);
    VerifiedClaims.Builder b = base(type, TcbStatus.UNKNOWN);
    if (!skip.contains("measurement")) {
      b.bytes("measurement", MEASUREMENT.value());
    }
    if (!skip.contains("hostData")) {
      b.bytes("hostData", HOST_DATA.value());
    }
    if (!skip.contains("idKeyDigest")) {
      b.bytes("idKeyDigest", ID_KEY_DIGEST.value());
    }
    if (!skip.contains("authorKeyDigest")) {
      b.bytes("authorKeyDigest", AUTHOR_KEY_DIGEST.value());
    }
    if (!skip.contains("vmpl")) {
      b.number("vmpl", 0);
    }
    for (String c : List.of("Bootloader", "Tee", "Snp", "Microcode")) {
      if (!skip.contains("reportedTcb" + c)) {
        b.number("reportedTcb" + c, component(TCB, c));
      }
    }
    return b;
  }

  static VerifiedClaims.Builder snp(String... omit) {
    return snp(EvidenceType.SNP, omit);
  }

  private static int component(SnpTcb t, String name) {
    return switch (name) {
      case "Bootloader" -> t.bootloader();
      case "Tee" -> t.tee();
      case "Snp" -> t.snp();
      case "Microcode" -> t.microcode();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static SnpCondition snpCondition() {
    return snpCondition(Optional.of(TCB), OptionalInt.of(0));
  }

  static SnpCondition snpCondition(Optional<SnpTcb> minTcb, OptionalInt vmplMax) {
    return new SnpCondition(
        Optional.of(MEASUREMENT),
        Optional.of(HOST_DATA),
        Optional.of(ID_KEY_DIGEST),
        Optional.of(AUTHOR_KEY_DIGEST),
        minTcb,
        vmplMax);
  }

  /** Simulated claims (status Unknown). */
  static VerifiedClaims.Builder simulation() {
    return base(EvidenceType.SIMULATION, TcbStatus.UNKNOWN)
        .bytes("measurement", SIM_MEASUREMENT.value());
  }

  static SimulationCondition simulationCondition() {
    return new SimulationCondition(SIM_MEASUREMENT);
  }
}
