package io.coffer.cas.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Validates chains the way relying parties do: the JDK's PKIX validator and the openssl CLI. */
final class Pkix {

  static final Path OPENSSL = Path.of("/usr/bin/openssl");

  private Pkix() {}

  /**
   * Validates {@code chain} (leaf first) to {@code root} at {@code at} with the JDK, requiring the
   * extended key usage {@code eku} of the leaf.
   */
  static void validate(X509Certificate root, Instant at, String eku, X509Certificate... chain)
      throws Exception {
    PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    params.setRevocationEnabled(false);
    params.setDate(Date.from(at));
    params.addCertPathChecker(new EkuChecker(eku));
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    CertPathValidator.getInstance("PKIX")
        .validate(factory.generateCertPath(List.of(chain)), params);
  }

  /** Runs {@code openssl} with {@code args}; the output (stdout and stderr) and exit code. */
  static Result openssl(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(OPENSSL.toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }

  record Result(int exitCode, String output) {}

  static Path writePem(Path file, X509Certificate... certificates)
      throws IOException, CertificateEncodingException {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate c : certificates) {
      pem.append("-----BEGIN CERTIFICATE-----\n")
          .append(
              Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(c.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return Files.writeString(file, pem.toString());
  }

  /** Requires the leaf (the last certificate checked) to carry one extended key usage. */
  private static final class EkuChecker extends PKIXCertPathChecker {
    private final String eku;

    EkuChecker(String eku) {
      this.eku = eku;
    }

    @Override
    public void init(boolean forward) {}

    @Override
    public boolean isForwardCheckingSupported() {
      return false;
    }

    @Override
    public Set<String> getSupportedExtensions() {
      return null;
    }

    @Override
    public void check(Certificate cert, Collection<String> unresolved)
        throws CertPathValidatorException {
      X509Certificate x = (X509Certificate) cert;
      try {
        if (x.getBasicConstraints() < 0
            && (x.getExtendedKeyUsage() == null || !x.getExtendedKeyUsage().contains(eku))) {
          throw new CertPathValidatorException("leaf lacks EKU " + eku);
        }
      } catch (CertificateParsingException e) {
        throw new CertPathValidatorException(e);
      }
    }
  }
}
