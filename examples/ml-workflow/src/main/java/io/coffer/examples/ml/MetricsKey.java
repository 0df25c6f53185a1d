package io.coffer.examples.ml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The 32-byte AES-256 key the metrics are encrypted under. In the example it is the hospital's
 * {@code metrics-key} secret, written for the trainer by {@code coffer run} as base64 ({@code
 * $$COFFER:metrics-key:base64$$}). Its {@code toString} never shows the key.
 */
public final class MetricsKey {

  /** The key's length in bytes. */
  public static final int LENGTH_BYTES = 32;

  private final byte[] bytes;

  private MetricsKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * The key {@code bytes}, copied.
   *
   * @throws MetricsException ({@link MetricsException.Reason#BAD_KEY}) unless 32 bytes
   */
  public static MetricsKey of(byte[] bytes) throws MetricsException {
    if (bytes == null || bytes.length != LENGTH_BYTES) {
      throw new MetricsException(
          MetricsException.Reason.BAD_KEY, "a metrics key is " + LENGTH_BYTES + " bytes");
    }
    return new MetricsKey(bytes.clone());
  }

  /**
   * The key in {@code file}: the standard base64 (RFC 4648 §4, padded) of 32 bytes, optionally
   * followed by one line end.
   *
   * @throws MetricsException ({@link MetricsException.Reason#BAD_KEY}) naming the file
   */
  public static MetricsKey read(Path file) throws MetricsException {
    String text;
    try {
      if (Files.size(file) > 128) {
        throw new MetricsException(
            MetricsException.Reason.BAD_KEY, file + ": too large for a base64 metrics key");
      }
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new MetricsException(
          MetricsException.Reason.BAD_KEY, file + ": cannot be read: " + e.getMessage(), e);
    }
    if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new MetricsException(
          MetricsException.Reason.BAD_KEY, file + ": not standard base64", e);
    }
    if (bytes.length != LENGTH_BYTES || !Base64.getEncoder().encodeToString(bytes).equals(text)) {
      throw new MetricsException(
          MetricsException.Reason.BAD_KEY,
          file + ": expected the padded base64 of " + LENGTH_BYTES + " bytes");
    }
    return new MetricsKey(bytes);
  }

  /** The key's bytes, a copy: for the cipher only. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetricsKey k && MessageDigest.isEqual(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return 0; // constant: a hash of the key would leak bits of it
  }

  @Override
  public String toString() {
    return "MetricsKey[redacted]";
  }
}
