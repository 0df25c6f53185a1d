package io.coffer.ledger.note;

import java.util.Optional;

/** The signature type identifier bytes of C2SP signed-note ("Signature types") implemented here. */
public enum SignatureType {
  /** Ed25519 over the note text (C2SP signed-note, "Ed25519 signatures"). */
  ED25519(0x01),
  /** ECDSA P-256 with SHA-256 over the note text, ASN.1 DER signatures; key ID from the SPKI. */
  ECDSA(0x02),
  /** Timestamped Ed25519 witness cosignatures (C2SP tlog-cosignature). */
  COSIGNATURE_V1(0x04),
  /** RFC 6962 {@code TreeHeadSignature}s on checkpoints (C2SP static-ct-api, "Checkpoints"). */
  RFC6962_TREE_HEAD(0x05);

  private final int id;

  SignatureType(int id) {
    this.id = id;
  }

  /** The identifier byte. */
  public int id() {
    return id;
  }

  /** The type with identifier byte {@code id}, if implemented. */
  public static Optional<SignatureType> of(int id) {
    for (SignatureType t : values()) {
      if (t.id == id) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
