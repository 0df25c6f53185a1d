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
 * Accepts any client certificate that is alone in its chain, self-signed (its signature verifies
 * with its own key, its issuer is its subject) and valid at the current time: the client's identity
 * is its key, which policies name, not a CA's statement. Server certificates are never accepted:
 * this trust manager is for the server side only.
 *
 * <p>Not protected against: a stolen client key. What a key may do is for the policies to say.
 */
final class SelfSignedClientTrust extends X509ExtendedTrustManager {

  private final InstantSource clock;

  SelfSignedClientTrust(InstantSource clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    if (chain == null || chain.length != 1) {
      throw new CertificateException(
          "a client presents exactly one self-signed certificate, not a chain");
    }
    X509Certificate cert = chain[0];
    if (!cert.getIssuerX500Principal().equals(cert.getSubjectX500Principal())) {
      throw new CertificateException("the client certificate is not self-issued");
    }
    try {
      cert.verify(cert.getPublicKey());
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new CertificateException("the client certificate's self-signature does not verify", e);
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
