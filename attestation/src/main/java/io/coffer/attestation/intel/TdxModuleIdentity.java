package io.coffer.attestation.intel;

import java.util.List;

/**
 * A TDX module identity from TCB info v3 ({@code tdxModuleIdentities}): the module's signer and
 * attributes, and its own TCB levels by ISVSVN.
 *
 * @param id {@code TDX_<major version as 2 hex digits>}
 * @param mrSigner the 48-byte signer of the module
 * @param attributes the 8-byte expected attributes
 * @param attributesMask the 8-byte mask applied before comparing
 * @param levels ISVSVN levels, highest first, each with a status and advisories
 */
record TdxModuleIdentity(
    String id,
    byte[] mrSigner,
    byte[] attributes,
    byte[] attributesMask,
    List<IsvSvnLevel> levels) {

  TdxModuleIdentity {
    mrSigner = mrSigner.clone();
    attributes = attributes.clone();
    attributesMask = attributesMask.clone();
    levels = List.copyOf(levels);
  }
}
