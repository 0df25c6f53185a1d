package io.coffer.ledger.note;

import java.security.GeneralSecurityException;

/** A private key that signs note text under a key name and key ID. */
public interface NoteSigner {

  /** The key name written on the signature line. */
  String keyName();

  /** The key ID that starts the signature. */
  KeyId keyId();

  /**
   * The signature of {@code text} (the note text with its final newline), without the key ID.
   *
   * @throws GeneralSecurityException if the provider fails
   */
  byte[] sign(byte[] text) throws GeneralSecurityException;
}
