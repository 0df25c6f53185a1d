package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.Platform;
import io.coffer.attestation.TcbStatus;
import io.coffer.cas.identity.CasKeys;
import io.coffer.cas.provision.AttestedKey;
import io.coffer.cas.provision.EarAppraisal;
import io.coffer.cas.provision.EarIssuer;
import io.coffer.cas.provision.TrustTier;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.LoopbackCas;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTokenCheckTest {

  private static final Instant NOW = LoopbackCas.NOW;

  private final CasKeys cas = LoopbackCas.newKeys();
  private final EarIssuer issuer =
      new EarIssuer(cas.tlsPrivateKey(), cas.tlsCertificate(), "cas.test", "test");
  private final KeyPair workload = p256();

  private static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private String token(KeyPair key) {
    return issuer.issue(
        new EarAppraisal(
            "spiffe://cas.test/apps/web/api",
            "apps/web",
            "0".repeat(64),
            "api",
            Platform.SIMULATION,
            false,
            TcbStatus.UP_TO_DATE,
            List.of(),
            Map.of("measurement", new byte[32]),
            new byte[32],
            AttestedKey.of(key.getPublic()).thumbprint(),
            NOW,
            NOW.plus(Duration.ofHours(24))));
  }

  @Test
  void verify_tokenForThisKey_givesItsStatus() {
    var ear =
        ResultTokenCheck.verify(
            token(workload), issuer.verificationKeys(), NOW.plusSeconds(1), workload.getPublic());

    assertThat(ear.status()).isEqualTo(TrustTier.CONTRAINDICATED);
    assertThat(ear.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void verify_tokenForAnotherKey_isANo() {
    String other = token(p256());

    assertThatThrownBy(() ->
            ResultTokenCheck.verify(
                other, issuer.verificationKeys(), NOW.plusSeconds(1), workload.getPublic()))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("cnf.jkt")
        .extracting(e -> ((CommandException) e).exitCode())
        .isEqualTo(ExitCode.NO);
  }

  @Test
  void verify_withAnotherCasKeySet_isANo() {
    CasKeys other = LoopbackCas.newKeys();
    String keySet =
        new EarIssuer(other.tlsPrivateKey(), other.tlsCertificate(), "other", "test")
            .verificationKeys();

    assertThatThrownBy(
            () -> ResultTokenCheck.verify(token(workload), keySet, NOW, workload.getPublic()))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("does not verify with the CAS's verify-key")
        .hasMessageContaining("UNKNOWN_KEY");
  }

  @Test
  void verify_expiredToken_isANo() {
    assertThatThrownBy(() ->
            ResultTokenCheck.verify(
                token(workload),
                issuer.verificationKeys(),
                NOW.plus(Duration.ofHours(25)),
                workload.getPublic()))
        .isInstanceOf(CommandException.class)
        .hasMessageContaining("EXPIRED");
  }
}
