package io.coffer.cli.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The PEM form a CAS writes secrets in (RFC 7468 §3 strict: one block, 64-column base64 lines, each
 * ending in {@code \n}), and nothing else: a block is read only if writing its bytes back gives the
 * same text, so every value has exactly one text.
 */
final class PemText {

  private static final Base64.Encoder LINES =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private PemText() {}

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

  /**
   * The bytes of {@code text}, one block labelled {@code label} in the form {@link #encode} writes.
   *
   * @throws IllegalArgumentException naming what is wrong, never quoting the text
   */
  static byte[] decode(String label, String text) {
    String begin = "-----BEGIN " + label + "-----\n";
    String end = "\n-----END " + label + "-----\n";
    if (!text.startsWith(begin)
        || !text.endsWith(end)
        || text.length() <= begin.length() + end.length()) {
      throw new IllegalArgumentException("not one PEM " + label + " block");
    }
    String body = text.substring(begin.length(), text.length() - end.length());
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the PEM " + label + " body is not base64", e);
    }
    if (!encode(label, der).equals(text)) {
      throw new IllegalArgumentException(
          "the PEM " + label + " block is not in its strict form (64-column base64 lines)");
    }
    return der;
  }
}
