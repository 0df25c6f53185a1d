package io.coffer.ledger.note;

import java.util.Base64;
import java.util.Optional;

/**
 * Standard padded base64 (RFC 4648 §4) in its one canonical spelling: the length is a multiple of
 * four, padding is present, unused bits are zero and no other character appears. The JDK decoder
 * alone accepts missing padding, so every decoded value is re-encoded and compared.
 */
final class StrictBase64 {

  private StrictBase64() {}

  /** The decoded bytes, or empty unless {@code text} is canonical padded base64. */
  static Optional<byte[]> decode(String text) {
    if (text.isEmpty() || text.length() % 4 != 0) {
      return Optional.empty();
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      return Optional.empty();
    }
    return Optional.of(decoded);
  }

  static String encode(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
