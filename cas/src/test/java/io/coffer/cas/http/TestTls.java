package io.coffer.cas.http;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;

/** Keys and self-signed certificates for TLS tests. */
public final class TestTls {

  private TestTls() {}

  /** A client (or server) identity of the given key type, valid for a day from an hour ago. */
  public static ClientIdentity identity(Identity.Type type, String name) {
    IdentityKey key = IdentityKey.generate(type);
    return new ClientIdentity(
        key,
        ClientCertificate.selfSigned(
            key, name, Instant.now().minus(Duration.ofHours(1)), Duration.ofDays(1)));
  }

  /** An identity whose certificate expired yesterday. */
  public static ClientIdentity expired(String name) {
    IdentityKey key = IdentityKey.generate(Identity.Type.P256);
    return new ClientIdentity(
        key,
        ClientCertificate.selfSigned(
            key, name, Instant.now().minus(Duration.ofDays(3)), Duration.ofDays(1)));
  }

  /** The DER SubjectPublicKeyInfo of a certificate. */
  public static byte[] spki(X509Certificate cert) {
    return cert.getPublicKey().getEncoded();
  }
}
