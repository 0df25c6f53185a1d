package io.coffer.cas.http;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.Date;
import java.util.Objects;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts any client certificate that is alone in its chain and valid at the current time, and,
 * when it is self-issued (its issuer is its subject), whose self-signature verifies: the client's
 * identity is its key, which policies name, not a CA's statement. The handshake proves that the
 * client holds that key. A certificate issued by someone else is accepted for the same reason; it
 * stands for more than its key only where the API checks its issuer (the certificates this CAS
 * issues to admitted workloads: see {@code io.coffer.cas.attest.Instances}). Server certificates
 * are never accepted: this trust manager is for the server side only.
 *
 * <p>Not protected against: a stolen client key. What a key may do is for the policies to say.
 */
final class ClientKeyTrust extends X509ExtendedTrustManager {

  private final InstantSource clock;

  ClientKeyTrust(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length != 1) {
      throw new CertificateException("a client presents exactly one certificate, not a chain");
    }
    X509Certificate cert = chain[0];
    if (cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
      try {
        cert.verify(cert.getPublicKey());
      } catch (GeneralSecurityException | RuntimeException e) {
        throw new CertificateException(
            "the client certificate's self-signature does not verify", e);
      }
    }
    cert.checkValidity(Date.from(clock.instant()));
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
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this trust manager checks clients only");
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

  /** No issuers: the server's CertificateRequest names none, so clients send their own. */
  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
