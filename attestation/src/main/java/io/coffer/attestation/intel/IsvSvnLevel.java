package io.coffer.attestation.intel;

import java.time.Instant;
import java.util.List;

/**
 * A TCB level of an enclave identity or a TDX module identity: a minimum ISVSVN and its status.
 *
 * @param isvSvn the minimum ISVSVN of the level
 * @param tcbDate the date of the level
 * @param status the status text ({@code UpToDate}, {@code OutOfDate}, {@code Revoked})
 * @param advisoryIds the advisories that apply at this level
 */
record IsvSvnLevel(int isvSvn, Instant tcbDate, String status, List<String> advisoryIds) {

  IsvSvnLevel {
    advisoryIds = List.copyOf(advisoryIds);
  }
}
