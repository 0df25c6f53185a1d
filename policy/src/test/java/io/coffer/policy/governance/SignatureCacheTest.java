package io.coffer.policy.governance;

import static io.coffer.policy.governance.SignersFixture.CREATE;
import static io.coffer.policy.governance.SignersFixture.ED25519_A;
import static io.coffer.policy.governance.SignersFixture.ED25519_B;
import static io.coffer.policy.governance.SignersFixture.P256;
import static io.coffer.policy.governance.SignersFixture.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SignatureCacheTest {

  private static Approval tampered(Approval approval) throws GovernanceException {
    byte[] signature = approval.signature();
    signature[signature.length - 1] ^= 0x01;
    return Approval.of(approval.identity(), signature, Optional.empty());
  }

  @Test
  void validSignature_isRememberedOnce_andStillVerifies() throws Exception {
    SignatureCache cache = new SignatureCache(16);
    Approval approval = ED25519_A.approve(UPDATE);

    assertThat(approval.verify(UPDATE, cache)).isEqualTo(ED25519_A.identity());
    assertThat(cache.size()).isEqualTo(1);
    assertThat(approval.verify(UPDATE, cache)).isEqualTo(ED25519_A.identity());
    assertThat(cache.size()).isEqualTo(1);
  }

  @Test
  void invalidSignature_isNeverRemembered_andFailsEveryTime() throws Exception {
    SignatureCache cache = new SignatureCache(16);
    Approval forged = tampered(ED25519_A.approve(UPDATE));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> forged.verify(UPDATE, cache))
          .isInstanceOfSatisfying(
              GovernanceException.class,
              e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }
    assertThat(cache.size()).isZero();
  }

  @Test
  void rememberedSignature_doesNotVouchForAnotherMessage_norAlteredBytes() throws Exception {
    SignatureCache cache = new SignatureCache(16);
    Approval approval = P256.approve(UPDATE);
    approval.verify(UPDATE, cache);

    // The same signature over another change, and a one-bit change of the remembered signature.
    Approval sameBytesOtherMessage =
        Approval.of(P256.identity(), approval.signature(), Optional.empty());
    assertThatThrownBy(() -> sameBytesOtherMessage.verify(CREATE, cache))
        .isInstanceOf(GovernanceException.class);
    assertThatThrownBy(() -> tampered(approval).verify(UPDATE, cache))
        .isInstanceOf(GovernanceException.class);
    // Another identity presenting the remembered signature bytes.
    Approval otherSigner = Approval.of(ED25519_B.identity(), new byte[64], Optional.empty());
    assertThatThrownBy(() -> otherSigner.verify(UPDATE, cache))
        .isInstanceOf(GovernanceException.class);
  }

  @Test
  void cache_isBounded() throws Exception {
    SignatureCache cache = new SignatureCache(2);
    for (IdentityKey key : List.of(ED25519_A, ED25519_B, P256)) {
      key.approve(UPDATE).verify(UPDATE, cache);
    }
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void cacheOfSizeZero_remembersNothing_andStillVerifies() throws Exception {
    SignatureCache cache = new SignatureCache(0);
    assertThat(ED25519_A.approve(UPDATE).verify(UPDATE, cache)).isEqualTo(ED25519_A.identity());
    assertThat(cache.size()).isZero();
  }

  @Test
  void negativeSize_isRefused() {
    assertThatThrownBy(() -> new SignatureCache(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
  }

  @Test
  void evaluation_withACache_decidesAsWithout() throws Exception {
    Rule rule =
        Rule.requireAll(
            List.of(Rule.identity(ED25519_A.identity()), Rule.identity(ED25519_B.identity())));
    List<Approval> approvals =
        List.of(ED25519_A.approve(UPDATE), tampered(ED25519_B.approve(UPDATE)));
    SignatureCache cache = new SignatureCache(16);

    Evaluation without = Governance.evaluate(rule, approvals, P256.identity(), UPDATE);
    Evaluation first = Governance.evaluate(rule, approvals, P256.identity(), UPDATE, cache);
    Evaluation second = Governance.evaluate(rule, approvals, P256.identity(), UPDATE, cache);

    assertThat(without.satisfied()).isFalse();
    for (Evaluation e : List.of(first, second)) {
      assertThat(e.satisfied()).isFalse();
      assertThat(e.approvedBy()).isEqualTo(Set.of(ED25519_A.identity()));
      assertThat(e.explanation()).isEqualTo(without.explanation());
    }
    assertThat(cache.size()).isEqualTo(1);
  }
}
