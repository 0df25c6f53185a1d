package io.coffer.attestation.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The published SGX, TDX and SNP vectors under {@code src/test/resources/testvectors}. */
public final class Vectors {

  private Vectors() {}

  /** The bytes of a vector file, exactly as published. */
  public static byte[] bytes(String relativePath) {
    try (InputStream in = Vectors.class.getResourceAsStream("/testvectors/" + relativePath)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + relativePath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A vector file or folder on disk. */
  public static Path path(String relativePath) {
    URL url = Vectors.class.getResource("/testvectors/" + relativePath);
    if (url == null) {
      throw new IllegalArgumentException("no test vector " + relativePath);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
