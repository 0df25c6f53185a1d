package io.coffer.cas.http;

import io.coffer.cas.service.Caller;
import io.coffer.policy.governance.GovernanceException;
import io.coffer.policy.governance.Identity;
import io.helidon.webserver.http.ServerRequest;
import java.nio.ByteBuffer;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The caller a TLS client certificate proves. The certificate was checked during the handshake by
 * {@link ClientKeyTrust}: one self-signed certificate, valid now.
 */
final class ClientCertificates {

  /** Callers of recently seen certificates, by the certificate's exact DER encoding. */
  private static final int CACHE_ENTRIES = 4096;

  private static final Map<ByteBuffer, Optional<Caller>> CACHE =
      new LinkedHashMap<>(CACHE_ENTRIES * 2, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Optional<Caller>> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  private ClientCertificates() {}

  /**
   * The caller of a request: {@code Caller(cert-sha256 of its SPKI, the key's identity when a
   * policy can name that key type)}; empty without a client certificate.
   */
  static Optional<Caller> caller(ServerRequest request) {
    Optional<Certificate[]> chain = request.remotePeer().tlsCertificates();
    if (chain.isEmpty()
        || chain.get().length != 1
        || !(chain.get()[0] instanceof X509Certificate cert)) {
      return Optional.empty();
    }
    ByteBuffer der;
    try {
      der = ByteBuffer.wrap(cert.getEncoded());
    } catch (CertificateEncodingException e) {
      return Optional.empty();
    }
    synchronized (CACHE) {
      Optional<Caller> known = CACHE.get(der);
      if (known != null) {
        return known;
      }
    }
    // Decoding a key validates it (for Ed25519 a full point check): worth doing once per
    // certificate, not once per request. The handshake already checked the certificate itself.
    Optional<Caller> caller = of(cert);
    synchronized (CACHE) {
      CACHE.put(der, caller);
    }
    return caller;
  }

  /** The caller for a certificate; empty if it cannot be encoded. */
  static Optional<Caller> of(X509Certificate cert) {
    Identity certificate;
    try {
      certificate = Identity.ofCertificate(cert);
    } catch (GovernanceException e) {
      return Optional.empty();
    }
    Optional<Identity> key;
    try {
      key = Optional.of(Identity.of(cert.getPublicKey()));
    } catch (GovernanceException e) {
      // A key type policies cannot name (RSA, ...): the caller is known by its certificate only.
      key = Optional.empty();
    }
    return Optional.of(new Caller(certificate, key));
  }
}
