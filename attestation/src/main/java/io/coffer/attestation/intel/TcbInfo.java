package io.coffer.attestation.intel;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.attestation.AttestationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An Intel PCS TCB info document (version 2 for SGX, version 3 for SGX or TDX), parsed after its
 * signature was verified.
 *
 * @param id {@code SGX} or {@code TDX} ({@code SGX} for version 2, which has no id)
 * @param version 2 or 3
 * @param issueDate when it was issued
 * @param nextUpdate when it expires
 * @param fmspc the 6-byte FMSPC it applies to
 * @param pceId the 2-byte PCE-ID it applies to
 * @param tcbType the TCB type (0)
 * @param evaluationDataNumber the TCB evaluation data number
 * @param tdxModule the TDX module signer and attributes (TDX only)
 * @param tdxModuleIdentities the TDX module identities by major version (TDX, when present)
 * @param levels the TCB levels in Intel's evaluation order: descending by the 16 SGX component SVNs
 *     (compared lexicographically), then PCESVN, then the 16 TDX component SVNs, whatever the
 *     document's order
 */
record TcbInfo(
    String id,
    int version,
    Instant issueDate,
    Instant nextUpdate,
    byte[] fmspc,
    byte[] pceId,
    int tcbType,
    long evaluationDataNumber,
    Optional<TdxModuleIdentity> tdxModule,
    List<TdxModuleIdentity> tdxModuleIdentities,
    List<TcbLevel> levels) {

  private static final int MAX_LEVELS = 1024;

  /** Intel's order of TCB levels: highest first. */
  private static final Comparator<TcbLevel> EVALUATION_ORDER =
      Comparator.<TcbLevel, int[]>comparing(TcbLevel::sgxComponents, Arrays::compare)
          .thenComparingInt(TcbLevel::pceSvn)
          .thenComparing(TcbLevel::tdxComponents, Arrays::compare)
          .reversed();

  TcbInfo {
    fmspc = fmspc.clone();
    pceId = pceId.clone();
    tdxModuleIdentities = List.copyOf(tdxModuleIdentities);
    levels = List.copyOf(levels);
  }

  boolean isTdx() {
    return id.equals("TDX");
  }

  /**
   * Parses the signed {@code tcbInfo} object.
   *
   * @throws AttestationException {@code COLLATERAL_MALFORMED} naming the field
   */
  static TcbInfo parse(byte[] body, String source) throws AttestationException {
    PcsJson j = new PcsJson(source + " tcbInfo");
    JsonNode t = j.parse(body);
    int version = (int) j.number(t, "version", 100);
    if (version != 2 && version != 3) {
      throw j.malformed("version", version + " is not supported (2, 3)");
    }
    String id = version == 2 ? "SGX" : j.text(t, "id");
    if (!id.equals("SGX") && !id.equals("TDX")) {
      throw j.malformed("id", "'" + id + "' is not SGX or TDX");
    }
    Instant issueDate = j.instant(t, "issueDate");
    Instant nextUpdate = j.instant(t, "nextUpdate");
    byte[] fmspc = j.hex(t, "fmspc", 6);
    byte[] pceId = j.hex(t, "pceId", 2);
    int tcbType = (int) j.number(t, "tcbType", 255);
    long evaluationDataNumber = j.number(t, "tcbEvaluationDataNumber", Integer.MAX_VALUE);
    Optional<TdxModuleIdentity> module = Optional.empty();
    List<TdxModuleIdentity> identities = new ArrayList<>();
    if (id.equals("TDX")) {
      JsonNode m = j.field(t, "tdxModule");
      module =
          Optional.of(
              new TdxModuleIdentity(
                  "TDX",
                  j.hex(m, "mrsigner", 48),
                  j.hex(m, "attributes", 8),
                  j.hex(m, "attributesMask", 8),
                  List.of()));
      if (t.has("tdxModuleIdentities")) {
        for (JsonNode mi : j.array(t, "tdxModuleIdentities", 64)) {
          identities.add(
              new TdxModuleIdentity(
                  j.text(mi, "id"),
                  j.hex(mi, "mrsigner", 48),
                  j.hex(mi, "attributes", 8),
                  j.hex(mi, "attributesMask", 8),
                  EnclaveIdentity.isvSvnLevels(j, mi, "tdxModuleIdentities.tcbLevels")));
        }
      }
    }
    List<TcbLevel> levels = new ArrayList<>();
    for (JsonNode level : j.array(t, "tcbLevels", MAX_LEVELS)) {
      levels.add(level(j, level, version, id.equals("TDX")));
    }
    if (levels.isEmpty()) {
      throw j.malformed("tcbLevels", "no TCB levels");
    }
    levels.sort(EVALUATION_ORDER);
    for (int i = 1; i < levels.size(); i++) {
      if (EVALUATION_ORDER.compare(levels.get(i - 1), levels.get(i)) == 0) {
        throw j.malformed("tcbLevels", "two levels have the same SVNs");
      }
    }
    return new TcbInfo(
        id,
        version,
        issueDate,
        nextUpdate,
        fmspc,
        pceId,
        tcbType,
        evaluationDataNumber,
        module,
        identities,
        levels);
  }

  private static TcbLevel level(PcsJson j, JsonNode level, int version, boolean tdx)
      throws AttestationException {
    JsonNode tcb = j.field(level, "tcb");
    int[] sgx = new int[16];
    int[] tdxComponents = new int[0];
    if (version == 2) {
      for (int i = 0; i < 16; i++) {
        sgx[i] = (int) j.number(tcb, String.format("sgxtcbcomp%02dsvn", i + 1), 255);
      }
    } else {
      sgx = components(j, tcb, "sgxtcbcomponents");
      if (tdx) {
        tdxComponents = components(j, tcb, "tdxtcbcomponents");
      }
    }
    return new TcbLevel(
        sgx,
        (int) j.number(tcb, "pcesvn", 65535),
        tdxComponents,
        j.instant(level, "tcbDate"),
        j.text(level, "tcbStatus"),
        j.strings(level, "advisoryIDs"));
  }

  private static int[] components(PcsJson j, JsonNode tcb, String name)
      throws AttestationException {
    List<JsonNode> list = j.array(tcb, name, 16);
    if (list.size() != 16) {
      throw j.malformed(name, list.size() + " components, expected 16");
    }
    int[] out = new int[16];
    for (int i = 0; i < 16; i++) {
      // SVNs are bytes on the platform. Intel's library truncates larger values to a byte; Coffer
      // refuses them instead of guessing what they meant.
      out[i] = (int) j.number(list.get(i), "svn", 255);
    }
    return out;
  }

  @Override
  public byte[] fmspc() {
    return fmspc.clone();
  }

  @Override
  public byte[] pceId() {
    return pceId.clone();
  }
}
