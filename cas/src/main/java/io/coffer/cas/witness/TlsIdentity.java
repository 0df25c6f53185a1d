package io.coffer.cas.witness;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A server's TLS key and certificate chain, read from PEM files (the certificate first, then its
 * issuers; an unencrypted PKCS#8 {@code PRIVATE KEY}, or an {@code EC}/{@code RSA PRIVATE KEY}).
 *
 * @param privateKey the server's private key
 * @param chain the server's certificate, then its issuers
 */
public record TlsIdentity(PrivateKey privateKey, List<X509Certificate> chain) {

  private static final long MAX_PEM_BYTES = 1 << 20;

  public TlsIdentity {
    Objects.requireNonNull(privateKey, "privateKey");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a TLS identity needs its certificate");
    }
  }

  /**
   * Reads a certificate chain and its private key.
   *
   * @throws IOException naming the file that cannot be read or parsed
   */
  public static TlsIdentity fromPemFiles(Path certificates, Path privateKey) throws IOException {
    List<X509Certificate> chain;
    requireSmall(certificates);
    try (InputStream in = Files.newInputStream(certificates)) {
      chain =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
    } catch (CertificateException | ClassCastException e) {
      throw new IOException(certificates + ": not PEM X.509 certificates: " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new IOException(certificates + ": holds no certificate");
    }
    return new TlsIdentity(readKey(privateKey), chain);
  }

  private static PrivateKey readKey(Path file) throws IOException {
    requireSmall(file);
    Object parsed;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser pem = new PEMParser(reader)) {
      parsed = pem.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IOException(file + ": not a PEM private key", e);
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    try {
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
      if (parsed instanceof PEMKeyPair pair) {
        return converter.getKeyPair(pair).getPrivate();
      }
    } catch (PEMException e) {
      throw new IOException(file + ": unsupported private key: " + e.getMessage(), e);
    }
    throw new IOException(
        file + ": expected an unencrypted PEM private key (PRIVATE KEY, EC or RSA PRIVATE KEY)");
  }

  private static void requireSmall(Path file) throws IOException {
    if (Files.size(file) > MAX_PEM_BYTES) {
      throw new IOException(file + ": too large for a PEM file");
    }
  }

  @Override
  public String toString() {
    return "TlsIdentity[" + chain.get(0).getSubjectX500Principal() + ", key redacted]";
  }
}
