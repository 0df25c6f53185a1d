package io.coffer.cas.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.Curve;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.junit.jupiter.api.Test;

class AttestedKeyTest {

  @Test
  void of_p256Key_hasItsRfc7638Thumbprint() throws Exception {
    KeyPair k = ConfigurationJweTest.ec("secp256r1");
    AttestedKey key = AttestedKey.of(k.getPublic());

    assertThat(key.curve()).isEqualTo(Curve.P_256);
    assertThat(key.thumbprint().base64Url())
        .isEqualTo(
            new com.nimbusds.jose.jwk.ECKey.Builder(Curve.P_256, (ECPublicKey) k.getPublic())
                .build()
                .computeThumbprint()
                .toString());
  }

  @Test
  void of_sameKeyTwice_sameThumbprint() throws Exception {
    KeyPair k = ConfigurationJweTest.ec("secp384r1");
    assertThat(AttestedKey.of(k.getPublic()).thumbprint())
        .isEqualTo(AttestedKey.of(k.getPublic()).thumbprint());
  }

  @Test
  void of_pointNotOnTheCurve_isRefused() throws Exception {
    ECPublicKey good = (ECPublicKey) ConfigurationJweTest.ec("secp256r1").getPublic();
    ECPoint off =
        new ECPoint(good.getW().getAffineX(), good.getW().getAffineY().add(BigInteger.ONE));
    ECPublicKey bad;
    try {
      bad =
          (ECPublicKey)
              KeyFactory.getInstance("EC")
                  .generatePublic(new ECPublicKeySpec(off, good.getParams()));
    } catch (java.security.spec.InvalidKeySpecException e) {
      return; // the JDK refuses it already
    }
    ECPublicKey key = bad;
    assertThatThrownBy(() -> AttestedKey.of(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not on P-256");
  }
}
