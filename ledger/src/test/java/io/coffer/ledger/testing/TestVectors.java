package io.coffer.ledger.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** Loads the published test vectors under {@code src/test/resources/testvectors/tlog}. */
public final class TestVectors {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT = "/testvectors/tlog/";

  private TestVectors() {}

  /** The bytes of a vector file, exactly as published. */
  public static byte[] bytes(String relativePath) {
    try (InputStream in = TestVectors.class.getResourceAsStream(ROOT + relativePath)) {
      if (in == null) {
        throw new IllegalArgumentException("no test vector " + relativePath);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A vector file parsed as JSON. */
  public static JsonNode json(String relativePath) {
    try {
      return JSON.readTree(bytes(relativePath));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory of a vector folder on disk (test resources are files under Maven). */
  public static Path directory(String relativePath) {
    URL url = TestVectors.class.getResource(ROOT + relativePath);
    if (url == null) {
      throw new IllegalArgumentException("no test vector folder " + relativePath);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .json} file below a vector folder, sorted, relative to {@code tlog/}. */
  public static List<String> jsonFilesUnder(String relativePath) {
    Path base = directory("");
    try (Stream<Path> files = Files.walk(directory(relativePath))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .map(p -> base.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes lower- or upper-case hex. */
  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }
}
