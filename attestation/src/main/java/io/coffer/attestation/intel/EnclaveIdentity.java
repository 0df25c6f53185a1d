package io.coffer.attestation.intel;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.attestation.AttestationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An Intel PCS enclave identity (version 2): the identity of the quoting enclave ({@code QE} for
 * SGX, {@code TD_QE} for TDX; {@code QVE} exists too), parsed after its signature was verified.
 *
 * @param id {@code QE}, {@code TD_QE} or {@code QVE}
 * @param version 2
 * @param issueDate when it was issued
 * @param nextUpdate when it expires
 * @param evaluationDataNumber the TCB evaluation data number
 * @param miscSelect the expected MISCSELECT
 * @param miscSelectMask the mask applied to MISCSELECT before comparing
 * @param attributes the expected 16-byte attributes
 * @param attributesMask the mask applied to the attributes before comparing
 * @param mrSigner the expected 32-byte MRSIGNER
 * @param isvProdId the expected ISVPRODID
 * @param levels the TCB levels, highest ISVSVN first
 */
record EnclaveIdentity(
    String id,
    int version,
    Instant issueDate,
    Instant nextUpdate,
    long evaluationDataNumber,
    byte[] miscSelect,
    byte[] miscSelectMask,
    byte[] attributes,
    byte[] attributesMask,
    byte[] mrSigner,
    int isvProdId,
    List<IsvSvnLevel> levels) {

  EnclaveIdentity {
    miscSelect = miscSelect.clone();
    miscSelectMask = miscSelectMask.clone();
    attributes = attributes.clone();
    attributesMask = attributesMask.clone();
    mrSigner = mrSigner.clone();
    levels = List.copyOf(levels);
  }

  /**
   * Parses the signed {@code enclaveIdentity} object.
   *
   * @throws AttestationException {@code COLLATERAL_MALFORMED} naming the field
   */
  static EnclaveIdentity parse(byte[] body, String source) throws AttestationException {
    PcsJson j = new PcsJson(source + " enclaveIdentity");
    JsonNode e = j.parse(body);
    int version = (int) j.number(e, "version", 100);
    if (version != 2) {
      throw j.malformed("version", version + " is not supported (2)");
    }
    return new EnclaveIdentity(
        j.text(e, "id"),
        version,
        j.instant(e, "issueDate"),
        j.instant(e, "nextUpdate"),
        j.number(e, "tcbEvaluationDataNumber", Integer.MAX_VALUE),
        j.hex(e, "miscselect", 4),
        j.hex(e, "miscselectMask", 4),
        j.hex(e, "attributes", 16),
        j.hex(e, "attributesMask", 16),
        j.hex(e, "mrsigner", 32),
        (int) j.number(e, "isvprodid", 65535),
        isvSvnLevels(j, e, "tcbLevels"));
  }

  /**
   * The ISVSVN levels of {@code owner} in Intel's order: highest ISVSVN first, and for equal
   * ISVSVNs the latest TCB date first; two levels with the same ISVSVN and date are refused.
   */
  static List<IsvSvnLevel> isvSvnLevels(PcsJson j, JsonNode owner, String what)
      throws AttestationException {
    List<IsvSvnLevel> levels = new ArrayList<>();
    for (JsonNode level : j.array(owner, "tcbLevels", 1024)) {
      levels.add(
          new IsvSvnLevel(
              (int) j.number(j.field(level, "tcb"), "isvsvn", 65535),
              j.instant(level, "tcbDate"),
              j.text(level, "tcbStatus"),
              j.strings(level, "advisoryIDs")));
    }
    if (levels.isEmpty()) {
      throw j.malformed(what, "no TCB levels");
    }
    Comparator<IsvSvnLevel> order =
        Comparator.comparingInt(IsvSvnLevel::isvSvn).thenComparing(IsvSvnLevel::tcbDate).reversed();
    levels.sort(order);
    for (int i = 1; i < levels.size(); i++) {
      if (order.compare(levels.get(i - 1), levels.get(i)) == 0) {
        throw j.malformed(
            what, "two levels have ISVSVN " + levels.get(i).isvSvn() + " and the same date");
      }
    }
    return levels;
  }

  @Override
  public byte[] mrSigner() {
    return mrSigner.clone();
  }

  @Override
  public byte[] attributes() {
    return attributes.clone();
  }

  @Override
  public byte[] attributesMask() {
    return attributesMask.clone();
  }

  @Override
  public byte[] miscSelect() {
    return miscSelect.clone();
  }

  @Override
  public byte[] miscSelectMask() {
    return miscSelectMask.clone();
  }
}
