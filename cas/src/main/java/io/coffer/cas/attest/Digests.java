package io.coffer.cas.attest;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

/** SHA-256, which every JDK has. */
final class Digests {

  private Digests() {}

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
