package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.policy.model.Secret;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SelfSignedCertificatesTest {

  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  @ParameterizedTest
  @EnumSource(Secret.KeyType.class)
  void issue_eachKeyType_isSelfSignedEndEntity(Secret.KeyType type) throws Exception {
    KeyPair pair = KeyPairs.generate(type, new SecureRandom());
    Secret.X509 settings =
        new Secret.X509(
            Optional.empty(),
            Optional.empty(),
            List.of("dns:svc.local"),
            Optional.of(Secret.Endpoint.CLIENT),
            Optional.of(Duration.ofDays(7)));

    X509Certificate cert =
        SelfSignedCertificates.issue(pair, settings, "svc-cert", NOW, new SecureRandom());

    cert.verify(pair.getPublic());
    assertThat(cert.getSubjectX500Principal()).isEqualTo(new X500Principal("CN=svc-cert"));
    assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
    assertThat(cert.getBasicConstraints()).isEqualTo(-1);
    assertThat(cert.getExtensionValue(Extension.authorityKeyIdentifier.getId())).isNull();
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getNotBefore().toInstant()).isEqualTo(NOW.minusSeconds(60));
    assertThat(cert.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    assertThat(cert.getKeyUsage()[2]).isEqualTo(type == Secret.KeyType.RSA_3072);
  }
}
