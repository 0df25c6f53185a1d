package io.coffer.attestation.collect;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Evidence from Linux configfs-tsm ({@code /sys/kernel/config/tsm/report}), the kernel's common
 * interface to TDX and SEV-SNP guest reports.
 *
 * <p>Per the kernel's ABI ({@code Documentation/ABI/testing/configfs-tsm}): create an entry
 * directory, write the report data to {@code inblob}, read {@code outblob}; {@code provider} names
 * the TEE ({@code tdx_guest}, {@code sev_guest}). {@code generation} counts writes, so reading it
 * before writing and after reading detects another process using the same entry: then the evidence
 * is refused. The entry is removed afterwards.
 */
public final class ConfigfsTsmSource implements EvidenceSource {

  /** The kernel's mount point. */
  public static final Path DEFAULT_ROOT = Path.of("/sys/kernel/config/tsm/report");

  private static final Duration ATTRIBUTE_WAIT = Duration.ofSeconds(5);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path root;
  private final Duration attributeWait;

  public ConfigfsTsmSource(Path root) {
    this(root, ATTRIBUTE_WAIT);
  }

  /** A source that waits at most {@code attributeWait} for the interface to answer. */
  public ConfigfsTsmSource(Path root, Duration attributeWait) {
    this.root = root;
    this.attributeWait = attributeWait;
  }

  @Override
  public String name() {
    return "configfs-tsm";
  }

  @Override
  public boolean available() {
    return Files.isDirectory(root) && Files.isWritable(root);
  }

  @Override
  public Evidence collect(byte[] reportData) throws AttestationException {
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data is 64 bytes, got " + reportData.length);
    }
    byte[] name = new byte[8];
    RANDOM.nextBytes(name);
    Path entry = root.resolve("coffer-" + HexFormat.of().formatHex(name));
    try {
      Files.createDirectory(entry);
    } catch (IOException e) {
      throw failure("cannot create a report entry in " + root + ": " + e.getMessage(), e);
    }
    try {
      awaitAttributes(entry, attributeWait);
      EvidenceType type = type(readText(entry.resolve("provider")));
      long before = generation(entry);
      Files.write(entry.resolve("inblob"), reportData);
      long expected = before + 1;
      long after = awaitGeneration(entry, expected, attributeWait);
      if (after != expected) {
        throw conflict(entry);
      }
      byte[] out = readBounded(entry.resolve("outblob"));
      if (generation(entry) != expected) {
        throw conflict(entry);
      }
      if (out.length == 0) {
        throw failure("the TEE returned an empty report", null);
      }
      return new Evidence(type, out);
    } catch (IOException e) {
      throw failure("configfs-tsm report failed: " + e.getMessage(), e);
    } finally {
      remove(entry);
    }
  }

  private static EvidenceType type(String provider) throws AttestationException {
    return switch (provider) {
      case "tdx_guest" -> EvidenceType.TDX;
      case "sev_guest" -> EvidenceType.SNP;
      default ->
          throw new AttestationException(
              Reason.UNSUPPORTED_VERSION, "unsupported configfs-tsm provider '" + provider + "'");
    };
  }

  /** The kernel creates the attributes with the entry; a slower imitation gets a few seconds. */
  private static void awaitAttributes(Path entry, Duration wait)
      throws IOException, AttestationException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!(Files.exists(entry.resolve("inblob")) && Files.exists(entry.resolve("generation")))) {
      if (System.nanoTime() > deadline) {
        throw failure("the report entry has no inblob/generation attributes", null);
      }
      pause();
    }
  }

  /** The generation once it reached {@code expected} or passed it (a conflict), or timed out. */
  private static long awaitGeneration(Path entry, long expected, Duration wait)
      throws IOException, AttestationException {
    long deadline = System.nanoTime() + wait.toNanos();
    long g = generation(entry);
    while (g < expected) {
      if (System.nanoTime() > deadline) {
        throw failure("the report generation did not advance after writing inblob", null);
      }
      pause();
      g = generation(entry);
    }
    return g;
  }

  private static long generation(Path entry) throws IOException, AttestationException {
    String text = readText(entry.resolve("generation"));
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw failure("the report generation is not a number: '" + text + "'", e);
    }
  }

  private static String readText(Path file) throws IOException {
    return new String(readBounded(file), StandardCharsets.US_ASCII).strip();
  }

  private static byte[] readBounded(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(Evidence.MAX_SIZE_BYTES + 1);
      if (b.length > Evidence.MAX_SIZE_BYTES) {
        throw new IOException(file + " is larger than any evidence");
      }
      return b;
    }
  }

  private static AttestationException conflict(Path entry) {
    return failure(
        "another process wrote to the report entry " + entry.getFileName() + " concurrently", null);
  }

  private static AttestationException failure(String message, Throwable cause) {
    return new AttestationException(Reason.MALFORMED_EVIDENCE, message, cause);
  }

  /**
   * On configfs rmdir removes the entry; elsewhere (an imitation) its files go first, and another
   * try follows if something wrote to it meanwhile.
   */
  private static void remove(Path entry) {
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Files.delete(entry);
        return;
      } catch (DirectoryNotEmptyException e) {
        try (Stream<Path> files = Files.walk(entry)) {
          for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
          if (Files.notExists(entry)) {
            return;
          }
        } catch (IOException | UncheckedIOException ignored) {
          // A file vanished under the walk, or could not go: try again. A leftover entry holds no
          // secret, only the report.
        }
      } catch (IOException ignored) {
        return;
      }
    }
  }

  private static void pause() throws AttestationException {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure("interrupted while waiting for the TEE", e);
    }
  }
}
