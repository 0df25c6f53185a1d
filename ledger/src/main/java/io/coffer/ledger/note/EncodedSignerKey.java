package io.coffer.ledger.note;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A signer key string, {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || seed)>}, as the Go
 * reference writes them. Secret: {@link #toString()} never shows it; {@link #reveal()} does.
 */
public final class EncodedSignerKey {

  private final String encoded;

  EncodedSignerKey(String encoded) {
    this.encoded = encoded;
  }

  /** The secret string, for writing to a protected key file. */
  public String reveal() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedSignerKey other
        && MessageDigest.isEqual(
            encoded.getBytes(StandardCharsets.UTF_8),
            other.encoded.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0;
  }

  @Override
  public String toString() {
    return "EncodedSignerKey[redacted]";
  }
}
