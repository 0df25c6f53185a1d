package io.coffer.attestation.collect;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Evidence from Gramine's pseudo-files ({@code /dev/attestation}) inside an SGX enclave: write the
 * report data to {@code user_report_data}, read a DCAP quote from {@code quote}. Available when
 * {@code attestation_type} says {@code dcap}.
 */
public final class GramineSource implements EvidenceSource {

  /** Gramine's directory. */
  public static final Path DEFAULT_ROOT = Path.of("/dev/attestation");

  private final Path root;

  public GramineSource(Path root) {
    this.root = root;
  }

  @Override
  public String name() {
    return "gramine";
  }

  @Override
  public boolean available() {
    try {
      return Files.isRegularFile(root.resolve("attestation_type"))
          && Files.readString(root.resolve("attestation_type"), StandardCharsets.US_ASCII)
              .strip()
              .equals("dcap");
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Evidence collect(byte[] reportData) throws AttestationException {
    if (reportData.length != 64) {
      throw new IllegalArgumentException("report data is 64 bytes, got " + reportData.length);
    }
    if (!available()) {
      throw new AttestationException(
          Reason.UNSUPPORTED_VERSION, root + " is not a Gramine DCAP attestation interface");
    }
    try {
      Files.write(root.resolve("user_report_data"), reportData);
      try (InputStream in = Files.newInputStream(root.resolve("quote"))) {
        byte[] quote = in.readNBytes(Evidence.MAX_SIZE_BYTES + 1);
        if (quote.length == 0 || quote.length > Evidence.MAX_SIZE_BYTES) {
          throw new AttestationException(
              Reason.MALFORMED_EVIDENCE, "Gramine returned a quote of " + quote.length + " bytes");
        }
        return new Evidence(EvidenceType.SGX, quote);
      }
    } catch (IOException e) {
      throw new AttestationException(
          Reason.MALFORMED_EVIDENCE, "Gramine attestation failed: " + e.getMessage(), e);
    }
  }
}
