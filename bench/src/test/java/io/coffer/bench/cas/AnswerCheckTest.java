package io.coffer.bench.cas;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.cas.attest.Challenge;
import io.coffer.cas.attest.WorkloadKey;
import io.coffer.cas.client.AttestAnswer;
import io.coffer.cas.client.CasClient;
import io.coffer.cas.server.StoreKind;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real answers of a CAS, as received and tampered with. */
class AnswerCheckTest {

  private static final Stakeholders STAKEHOLDERS = Stakeholders.generate(1, 1);
  private static final BenchPolicy POLICY = AttestPolicy.of(STAKEHOLDERS);

  private static InProcessCas cas;
  private static Admitted one;
  private static Admitted two;

  private record Admitted(KeyPair key, AttestAnswer answer) {
    byte[] spki() {
      return key.getPublic().getEncoded();
    }
  }

  @BeforeAll
  static void admitTwo() throws Exception {
    cas = InProcessCas.start(StoreKind.SQLITE, EvidenceKind.SIMULATION);
    cas.client(STAKEHOLDERS.forClient(0)).create(POLICY.yaml(), List.of());
    SimulatedPlatform platform = SimulatedPlatform.load(cas.platformKey());
    CasClient workload = cas.endpoint().anonymous();
    one = admit(workload, platform);
    two = admit(workload, platform);
  }

  @AfterAll
  static void stop() throws Exception {
    cas.close();
  }

  private static Admitted admit(CasClient workload, SimulatedPlatform platform) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair key = g.generateKeyPair();
    byte[] spki = key.getPublic().getEncoded();
    Challenge c = workload.challenge(AttestPolicy.NAME, AttestPolicy.SERVICE);
    AttestAnswer a =
        workload.attest(
            c,
            platform.attest(
                AttestPolicy.measurement(), WorkloadKey.reportData(c.nonce(), spki), Instant.now()),
            spki);
    return new Admitted(key, a);
  }

  private static AttestAnswer withConfiguration(AttestAnswer a, String configuration) {
    return new AttestAnswer(
        a.policy(),
        a.policyHash(),
        a.service(),
        configuration,
        a.certificateChain(),
        a.expiresAt());
  }

  @Test
  void sample_ofARealAnswer_passes() {
    AnswerCheck check = new AnswerCheck(POLICY);

    assertThatCode(() -> check.sample(one.answer(), one.spki(), one.key().getPrivate()))
        .doesNotThrowAnyException();
    assertThatCode(() -> check.answer(two.answer(), two.spki())).doesNotThrowAnyException();
  }

  @Test
  void answer_forAnotherWorkloadsKey_fails() {
    assertThatThrownBy(() -> new AnswerCheck(POLICY).answer(one.answer(), two.spki()))
        .isInstanceOf(OperationException.class)
        .hasMessage("the certificate is not for the attested key");
  }

  @Test
  void answer_forAnotherVersionOfThePolicy_fails() {
    BenchPolicy other = AttestPolicy.of(Stakeholders.generate(1, 1));

    assertThatThrownBy(() -> new AnswerCheck(other).answer(one.answer(), one.spki()))
        .hasMessage("the answer is for another version of " + AttestPolicy.NAME);
  }

  @Test
  void answer_withTheChainSwapped_fails() {
    AttestAnswer a = one.answer();
    AttestAnswer swapped =
        new AttestAnswer(
            a.policy(),
            a.policyHash(),
            a.service(),
            a.configuration(),
            List.of(a.certificateChain().get(1), a.certificateChain().get(0)),
            a.expiresAt());

    assertThatThrownBy(() -> new AnswerCheck(POLICY).answer(swapped, one.spki()))
        .hasMessage("the certificate is not for the attested key");
  }

  @Test
  void sample_withAnotherWorkloadsConfiguration_doesNotOpen() {
    AttestAnswer moved = withConfiguration(one.answer(), two.answer().configuration());

    assertThatThrownBy(
            () -> new AnswerCheck(POLICY).sample(moved, one.spki(), one.key().getPrivate()))
        .isInstanceOf(OperationException.class)
        .hasMessageStartingWith("the configuration does not open as JSON with the key");
  }

  @Test
  void sample_withATruncatedConfiguration_doesNotOpen() {
    String jwe = one.answer().configuration();
    AttestAnswer truncated = withConfiguration(one.answer(), jwe.substring(0, jwe.length() - 4));

    assertThatThrownBy(
            () -> new AnswerCheck(POLICY).sample(truncated, one.spki(), one.key().getPrivate()))
        .hasMessageStartingWith("the configuration does not open as JSON with the key");
  }
}
