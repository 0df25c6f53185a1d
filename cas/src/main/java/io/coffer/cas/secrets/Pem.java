package io.coffer.cas.secrets;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** RFC 7468 textual encoding: the strict form of §3, 64-column lines ending in {@code \n}. */
final class Pem {

  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /** {@code der} under {@code label} ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...). */
  static String encode(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + LINES.encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
