package io.coffer.cas.client;

import java.io.IOException;
import java.net.Socket;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Trusts a server by its key alone. Pinned: the server's certificate must carry exactly the pinned
 * DER SubjectPublicKeyInfo; issuer, validity, names and the rest of the chain are not looked at
 * (the TLS handshake proves that the server holds the key). Unpinned: any key, remembered so that
 * the caller can compare it with what it verifies afterwards.
 */
final class ServerKeyTrust extends X509ExtendedTrustManager {

  private final byte[] pinned;
  private final byte[] pinnedSha256;
  private final AtomicReference<byte[]> seen = new AtomicReference<>();

  private ServerKeyTrust(byte[] pinned, byte[] pinnedSha256) {
    this.pinned = pinned;
    this.pinnedSha256 = pinnedSha256;
  }

  static ServerKeyTrust pinned(byte[] spki) {
    if (spki.length == 0) {
      throw new IllegalArgumentException("a pinned key is a DER SubjectPublicKeyInfo");
    }
    return new ServerKeyTrust(spki.clone(), null);
  }

  /** Pinned by the SHA-256 of the key's DER SubjectPublicKeyInfo (the CAS's fingerprint). */
  static ServerKeyTrust pinnedBySha256(byte[] sha256) {
    if (sha256.length != 32) {
      throw new IllegalArgumentException("a key fingerprint is the 32-byte SHA-256 of its SPKI");
    }
    return new ServerKeyTrust(null, sha256.clone());
  }

  static ServerKeyTrust unpinned() {
    return new ServerKeyTrust(null, null);
  }

  /** The SPKI of the last server certificate seen. */
  Optional<byte[]> lastSeen() {
    return Optional.ofNullable(seen.get()).map(byte[]::clone);
  }

  private static byte[] sha256(byte[] bytes) throws CertificateException {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new CertificateException("SHA-256 is not available", e);
    }
  }

  /** The DER SubjectPublicKeyInfo exactly as the certificate carries it. */
  static byte[] spkiOf(X509Certificate cert) throws CertificateException {
    try {
      return Certificate.getInstance(cert.getEncoded())
          .getSubjectPublicKeyInfo()
          .getEncoded(ASN1Encoding.DER);
    } catch (CertificateEncodingException | IOException | RuntimeException e) {
      throw new CertificateException("the server certificate cannot be decoded", e);
    }
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the server sent no certificate");
    }
    byte[] spki = spkiOf(chain[0]);
    if (pinned != null && !MessageDigest.isEqual(pinned, spki)) {
      throw new CertificateException("the server's key is not the pinned key of this CAS");
    }
    if (pinnedSha256 != null && !MessageDigest.isEqual(pinnedSha256, sha256(spki))) {
      throw new CertificateException("the server's key does not have the pinned fingerprint");
    }
    seen.set(spki);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager checks servers only");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
