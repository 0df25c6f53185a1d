package io.coffer.attestation.intel;

import java.time.Instant;
import java.util.List;

/**
 * One TCB level of an Intel TCB info: the minimum SVNs it describes and its status.
 *
 * @param sgxComponents the 16 SGX TCB component SVNs
 * @param pceSvn the PCE SVN
 * @param tdxComponents the 16 TDX TCB component SVNs (empty for SGX TCB info)
 * @param tcbDate the date of the level
 * @param status the status text ({@code UpToDate}, ..., {@code Revoked})
 * @param advisoryIds the advisories that apply at this level
 */
record TcbLevel(
    int[] sgxComponents,
    int pceSvn,
    int[] tdxComponents,
    Instant tcbDate,
    String status,
    List<String> advisoryIds) {

  TcbLevel {
    sgxComponents = sgxComponents.clone();
    tdxComponents = tdxComponents.clone();
    advisoryIds = List.copyOf(advisoryIds);
  }

  @Override
  public int[] sgxComponents() {
    return sgxComponents.clone();
  }

  @Override
  public int[] tdxComponents() {
    return tdxComponents.clone();
  }
}
