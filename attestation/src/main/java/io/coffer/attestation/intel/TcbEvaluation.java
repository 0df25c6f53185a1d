package io.coffer.attestation.intel;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.TcbStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Chooses the TCB level of a platform and converges its status with those of the quoting enclave
 * and the TDX module, as Intel's Quote Verification Library does (see {@code docs/attestation.md}):
 *
 * <ul>
 *   <li>levels are tried in Intel's order: descending by the 16 SGX component SVNs
 *       (lexicographically), then PCESVN, then the 16 TDX component SVNs — not the JSON order;
 *   <li>a level matches when every one of the PCK certificate's SGX component SVNs and its PCESVN
 *       is at least the level's (component by component), and for TDX every TEE_TCB_SVN byte is,
 *       skipping bytes 0 and 1 when byte 1 (the TDX module major version) is not zero: those are
 *       judged by the {@code TDX_<major>} module identity, with byte 0 as its ISVSVN;
 *   <li>the QE level is the first (by descending ISVSVN) whose ISVSVN the QE report reaches;
 *   <li>an OutOfDate QE or module turns UpToDate/SWHardeningNeeded into OutOfDate and the
 *       Configuration* statuses into OutOfDateConfigurationNeeded; Revoked anywhere is Revoked;
 *   <li>a TD 1.5 report whose launch TCB is out of date but whose current TCB (TEE_TCB_SVN2) is not
 *       is TDRelaunchAdvised (ConfigurationNeeded when either needs configuration);
 *   <li>advisory IDs are those of the platform, QE and module levels, de-duplicated and sorted.
 * </ul>
 *
 * <p>Failures: no matching level (platform, module or QE) is {@code NO_MATCHING_TCB_LEVEL}; a
 * Revoked result is {@code TCB_REVOKED}.
 */
final class TcbEvaluation {

  /** A converged result. */
  record Result(TcbStatus status, List<String> advisoryIds) {
    Result {
      advisoryIds = List.copyOf(advisoryIds);
    }
  }

  private record Evaluated(LevelStatus status, List<String> advisories) {}

  private TcbEvaluation() {}

  /** Evaluates an SGX platform. */
  static Result sgx(PckExtensions pck, int qeIsvSvn, TcbInfo info, EnclaveIdentity qe)
      throws AttestationException {
    Evaluated launch = evaluate(pck, qeIsvSvn, info, qe, null);
    return result(launch.status(), launch.advisories());
  }

  /** Evaluates a TDX platform; {@code teeTcbSvn2} is present for TD 1.5 reports. */
  static Result tdx(
      PckExtensions pck,
      int qeIsvSvn,
      byte[] teeTcbSvn,
      Optional<byte[]> teeTcbSvn2,
      TcbInfo info,
      EnclaveIdentity qe)
      throws AttestationException {
    Evaluated launch = evaluate(pck, qeIsvSvn, info, qe, teeTcbSvn);
    LevelStatus status = launch.status();
    if (teeTcbSvn2.isPresent()) {
      Evaluated current = evaluate(pck, qeIsvSvn, info, qe, teeTcbSvn2.get());
      boolean launchOutOfDate =
          status == LevelStatus.OUT_OF_DATE
              || status == LevelStatus.OUT_OF_DATE_CONFIGURATION_NEEDED;
      boolean currentFine =
          switch (current.status()) {
            case UP_TO_DATE,
                SW_HARDENING_NEEDED,
                CONFIGURATION_NEEDED,
                CONFIGURATION_AND_SW_HARDENING_NEEDED ->
                true;
            default -> false;
          };
      if (launchOutOfDate && currentFine) {
        TcbStatus relaunch =
            status.needsConfiguration() || current.status().needsConfiguration()
                ? TcbStatus.TD_RELAUNCH_ADVISED_CONFIGURATION_NEEDED
                : TcbStatus.TD_RELAUNCH_ADVISED;
        return new Result(relaunch, launch.advisories());
      }
    }
    return result(status, launch.advisories());
  }

  private static Result result(LevelStatus status, List<String> advisories)
      throws AttestationException {
    if (status == LevelStatus.REVOKED) {
      throw new AttestationException(Reason.TCB_REVOKED, "the platform's TCB level is revoked");
    }
    return new Result(status.reported(), advisories);
  }

  /** One evaluation: {@code tee} is null for SGX. */
  private static Evaluated evaluate(
      PckExtensions pck, int qeIsvSvn, TcbInfo info, EnclaveIdentity qe, byte[] tee)
      throws AttestationException {
    int[] sgx = pck.sgxTcbComponents();
    int[] teeSvn = tee == null ? null : unsigned(tee);
    int start = teeSvn != null && teeSvn[1] > 0 ? 2 : 0;
    TcbLevel platform = null;
    for (TcbLevel level : info.levels()) {
      if (atLeast(sgx, level.sgxComponents(), 0)
          && pck.pceSvn() >= level.pceSvn()
          && (teeSvn == null || atLeast(teeSvn, level.tdxComponents(), start))) {
        platform = level;
        break;
      }
    }
    if (platform == null) {
      throw new AttestationException(
          Reason.NO_MATCHING_TCB_LEVEL,
          "no TCB level of the TCB info matches the platform (its TCB is lower than every level)");
    }
    LevelStatus platformStatus = status(platform.status(), "platform TCB level");
    TreeSet<String> advisories = new TreeSet<>(platform.advisoryIds());
    List<LevelStatus> components = new ArrayList<>();
    if (teeSvn != null && teeSvn[1] > 0) {
      IsvSvnLevel module = moduleLevel(info, teeSvn[1], teeSvn[0]);
      LevelStatus moduleStatus = status(module.status(), "TDX module TCB level");
      requireComponentStatus(moduleStatus, "TDX module");
      components.add(moduleStatus);
      advisories.addAll(module.advisoryIds());
    }
    IsvSvnLevel qeLevel = qeLevel(qe, qeIsvSvn);
    LevelStatus qeStatus = status(qeLevel.status(), "QE identity TCB level");
    requireComponentStatus(qeStatus, "QE");
    components.add(qeStatus);
    advisories.addAll(qeLevel.advisoryIds());
    return new Evaluated(converge(platformStatus, components), List.copyOf(advisories));
  }

  /** The convergence table of Intel's library. */
  static LevelStatus converge(LevelStatus platform, List<LevelStatus> components) {
    if (components.contains(LevelStatus.REVOKED) || platform == LevelStatus.REVOKED) {
      return LevelStatus.REVOKED;
    }
    if (components.contains(LevelStatus.OUT_OF_DATE)) {
      return switch (platform) {
        case UP_TO_DATE, SW_HARDENING_NEEDED -> LevelStatus.OUT_OF_DATE;
        case CONFIGURATION_NEEDED, CONFIGURATION_AND_SW_HARDENING_NEEDED ->
            LevelStatus.OUT_OF_DATE_CONFIGURATION_NEEDED;
        default -> platform;
      };
    }
    return platform;
  }

  private static IsvSvnLevel moduleLevel(TcbInfo info, int major, int minorSvn)
      throws AttestationException {
    String id = String.format("TDX_%02X", major);
    TdxModuleIdentity identity =
        info.tdxModuleIdentities().stream()
            .filter(m -> m.id().toUpperCase(java.util.Locale.ROOT).equals(id))
            .findFirst()
            .orElseThrow(() ->
                new AttestationException(
                    Reason.NO_MATCHING_TCB_LEVEL,
                    "the TCB info has no " + id + " module identity"));
    return firstReached(identity.levels(), minorSvn)
        .orElseThrow(() ->
            new AttestationException(
                Reason.NO_MATCHING_TCB_LEVEL,
                "the TDX module's SVN " + minorSvn + " is lower than every " + id + " level"));
  }

  private static IsvSvnLevel qeLevel(EnclaveIdentity qe, int isvSvn) throws AttestationException {
    return firstReached(qe.levels(), isvSvn)
        .orElseThrow(() ->
            new AttestationException(
                Reason.NO_MATCHING_TCB_LEVEL,
                "the QE's ISVSVN " + isvSvn + " is lower than every level of its identity"));
  }

  /** The first level (they are sorted by descending ISVSVN) that {@code svn} reaches. */
  private static Optional<IsvSvnLevel> firstReached(List<IsvSvnLevel> levels, int svn) {
    for (IsvSvnLevel level : levels) {
      if (svn >= level.isvSvn()) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }

  private static LevelStatus status(String text, String what) throws AttestationException {
    LevelStatus s = LevelStatus.of(text);
    if (s == null) {
      throw new AttestationException(
          Reason.COLLATERAL_MALFORMED, "unknown " + what + " status '" + text + "'");
    }
    return s;
  }

  private static void requireComponentStatus(LevelStatus s, String what)
      throws AttestationException {
    if (s != LevelStatus.UP_TO_DATE && s != LevelStatus.OUT_OF_DATE && s != LevelStatus.REVOKED) {
      throw new AttestationException(
          Reason.COLLATERAL_MALFORMED, "the " + what + " level has status '" + s.text() + "'");
    }
  }

  private static boolean atLeast(int[] actual, int[] required, int from) {
    for (int i = from; i < required.length; i++) {
      if (actual[i] < required[i]) {
        return false;
      }
    }
    return true;
  }

  private static int[] unsigned(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xff;
    }
    return out;
  }
}
