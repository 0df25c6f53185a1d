package io.coffer.policy.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The OpenSSL vectors under {@code testvectors/governance} (see the README there). */
final class Vectors {

  private Vectors() {}

  static byte[] bytes(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/testvectors/governance/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.US_ASCII);
  }

  /** The identity a {@code *-identity.txt} vector names, without its newline. */
  static String identity(String name) {
    return text(name).strip();
  }
}
