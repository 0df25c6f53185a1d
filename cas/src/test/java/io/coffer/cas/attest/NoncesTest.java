package io.coffer.cas.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.AttestationFailed.Reason;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class NoncesTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
  private final byte[] key = new byte[32];
  private final Nonces nonces = new Nonces(key, now::get, new SecureRandom());

  @Test
  void issued_checks_andNamesItsPolicyAndService() throws Exception {
    Challenge c = nonces.issue("hospital/data", "trainer");
    Nonces.Checked checked = nonces.check(c.nonce());

    assertThat(checked.policy()).isEqualTo("hospital/data");
    assertThat(checked.service()).isEqualTo("trainer");
    assertThat(checked.expiresAt()).isEqualTo(now.get().plus(Nonces.LIFETIME));
    assertThat(checked.id()).hasSize(32);
  }

  @Test
  void twoNonces_haveDistinctIds() throws Exception {
    assertThat(nonces.check(nonces.issue("p", "s").nonce()).id())
        .isNotEqualTo(nonces.check(nonces.issue("p", "s").nonce()).id());
  }

  @Test
  void expired_isRefused() {
    Challenge c = nonces.issue("p", "s");
    now.set(now.get().plus(Nonces.LIFETIME));

    assertThatThrownBy(() -> nonces.check(c.nonce()))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.NONCE_EXPIRED));
  }

  @Test
  void anotherCasKey_isRefused() {
    byte[] other = new byte[32];
    other[0] = 1;
    Challenge c = new Nonces(other, now::get, new SecureRandom()).issue("p", "s");

    assertThatThrownBy(() -> nonces.check(c.nonce()))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.NONCE_INVALID));
  }

  @Property(tries = 200)
  void anyChangedByte_isRefused(@ForAll @IntRange(min = 0, max = 200) int at, @ForAll byte xor)
      throws Exception {
    byte[] nonce = nonces.issue("policy", "service").nonce();
    int i = at % nonce.length;
    byte flip = xor == 0 ? 1 : xor;
    nonce[i] ^= flip;

    assertThatThrownBy(() -> nonces.check(nonce))
        .isInstanceOfSatisfying(
            AttestationRefused.class,
            e -> assertThat(e.reasons()).containsExactly(Reason.NONCE_INVALID));
  }

  @Test
  void truncatedOrExtended_isRefused() {
    byte[] nonce = nonces.issue("p", "s").nonce();
    assertThatThrownBy(() -> nonces.check(java.util.Arrays.copyOf(nonce, nonce.length - 1)))
        .isInstanceOf(AttestationRefused.class);
    assertThatThrownBy(() -> nonces.check(java.util.Arrays.copyOf(nonce, nonce.length + 1)))
        .isInstanceOf(AttestationRefused.class);
    assertThatThrownBy(() -> nonces.check(new byte[0])).isInstanceOf(AttestationRefused.class);
  }

  @Test
  void wrongKeyLength_isAProgrammingError() {
    assertThatThrownBy(() -> new Nonces(new byte[16], now::get, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Duration.ofSeconds(60)).isEqualTo(Nonces.LIFETIME);
  }
}
