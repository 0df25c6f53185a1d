package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.PublicKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.junit.jupiter.api.Test;

class SubjectKeyTest {

  @Test
  void of_namedCurves_areClassified() {
    assertThat(SubjectKey.of(CertificateAuthorityTest.ec("secp256r1").getPublic()).algorithm())
        .isEqualTo(SubjectKey.Algorithm.EC_P256);
    assertThat(SubjectKey.of(CertificateAuthorityTest.ec("secp384r1").getPublic()).algorithm())
        .isEqualTo(SubjectKey.Algorithm.EC_P384);
    assertThat(SubjectKey.of(CertificateAuthorityTest.ec("secp521r1").getPublic()).algorithm())
        .isEqualTo(SubjectKey.Algorithm.EC_P521);
  }

  @Test
  void of_ecKeyWithExplicitParameters_fails() throws Exception {
    SubjectPublicKeyInfo named =
        SubjectPublicKeyInfo.getInstance(
            CertificateAuthorityTest.ec("secp256r1").getPublic().getEncoded());
    SubjectPublicKeyInfo explicit =
        new SubjectPublicKeyInfo(
            new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                X9ObjectIdentifiers.id_ecPublicKey,
                org.bouncycastle.asn1.x9.ECNamedCurveTable.getByName("P-256")),
            named.getPublicKeyData().getBytes());

    assertThatThrownBy(() -> SubjectKey.of(encodedOnly(explicit.getEncoded())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("explicit parameters");
  }

  @Test
  void of_garbageEncoding_fails() {
    assertThatThrownBy(() -> SubjectKey.of(encodedOnly(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A key that is only its encoding, as a foreign provider's key may be. */
  private static PublicKey encodedOnly(byte[] encoded) {
    return new PublicKey() {
      private static final long serialVersionUID = 1L;

      @Override
      public String getAlgorithm() {
        return "EC";
      }

      @Override
      public String getFormat() {
        return "X.509";
      }

      @Override
      public byte[] getEncoded() {
        return encoded.clone();
      }
    };
  }
}
