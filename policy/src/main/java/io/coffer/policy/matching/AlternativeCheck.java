package io.coffer.policy.matching;

import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.PlatformCondition;
import io.coffer.policy.model.SgxCondition;
import io.coffer.policy.model.SimulationCondition;
import io.coffer.policy.model.SnpCondition;
import io.coffer.policy.model.SnpTcb;
import io.coffer.policy.model.TdxCondition;
import java.util.List;

/**
 * One identity alternative against claims of its platform: every condition the alternative names,
 * by the claim it compares.
 */
final class AlternativeCheck {

  private AlternativeCheck() {}

  /**
   * Every condition of {@code alternative} that {@code claims} fail; empty when they match.
   *
   * @param index the alternative's index in the service's identity, for the field paths
   */
  static List<Reason> check(PlatformCondition alternative, int index, VerifiedClaims claims) {
    ClaimCheck check = new ClaimCheck(claims, "identity[" + index + "]." + alternative.yamlName());
    switch (alternative) {
      case SgxCondition c -> sgx(c, check);
      case TdxCondition c -> tdx(c, check);
      case SnpCondition c -> snp(c, check);
      case SimulationCondition c -> check.equal("measurement", "measurement", c.measurement());
    }
    return check.reasons();
  }

  private static void sgx(SgxCondition c, ClaimCheck check) {
    if (!c.mrenclave().isEmpty()) {
      check.oneOf("mrenclave", "mrEnclave", c.mrenclave());
    }
    c.mrsigner().ifPresent(v -> check.equal("mrsigner", "mrSigner", v));
    c.isvprodid().ifPresent(v -> check.equal("isvprodid", "isvProdId", v));
    c.isvsvnMin().ifPresent(v -> check.atLeast("isvsvn_min", "isvSvn", v));
    c.isvsvnMax().ifPresent(v -> check.atMost("isvsvn_max", "isvSvn", v));
  }

  private static void tdx(TdxCondition c, ClaimCheck check) {
    c.mrtd().ifPresent(v -> check.equal("mrtd", "mrTd", v));
    for (int i = 0; i < 4; i++) {
      String name = "rtmr" + i;
      c.rtmr(i).ifPresent(v -> check.equal(name, name, v));
    }
    c.mrconfigid().ifPresent(v -> check.equal("mrconfigid", "mrConfigId", v));
    c.teeTcbSvnMin().ifPresent(v -> check.eachByteAtLeast("tee_tcb_svn_min", "teeTcbSvn", v));
  }

  private static void snp(SnpCondition c, ClaimCheck check) {
    c.measurement().ifPresent(v -> check.equal("measurement", "measurement", v));
    c.hostData().ifPresent(v -> check.equal("host_data", "hostData", v));
    c.idKeyDigest().ifPresent(v -> check.equal("id_key_digest", "idKeyDigest", v));
    c.authorKeyDigest().ifPresent(v -> check.equal("author_key_digest", "authorKeyDigest", v));
    c.minTcb().ifPresent(t -> minTcb(t, check));
    c.vmplMax().ifPresent(v -> check.atMost("vmpl_max", "vmpl", v));
  }

  // SEV-SNP TCBs are compared component by component (AMD SEV-SNP ABI §2.2), never as one number.
  private static void minTcb(SnpTcb t, ClaimCheck check) {
    check.atLeast("min_tcb.bootloader", "reportedTcbBootloader", t.bootloader());
    check.atLeast("min_tcb.tee", "reportedTcbTee", t.tee());
    check.atLeast("min_tcb.snp", "reportedTcbSnp", t.snp());
    check.atLeast("min_tcb.microcode", "reportedTcbMicrocode", t.microcode());
    // Only Turin reports an FMC: a minimum for it refuses reports without one (a missing claim).
    t.fmc().ifPresent(v -> check.atLeast("min_tcb.fmc", "reportedTcbFmc", v));
  }
}
