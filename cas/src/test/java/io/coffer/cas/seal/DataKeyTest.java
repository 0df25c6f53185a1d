package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The data key and the barrier it drives: rows open only where they were written. */
class DataKeyTest {

  private static final byte[] BODY = "policy body".getBytes(StandardCharsets.UTF_8);
  private static final RowId ROW = new RowId("policy_versions", "acme/payments", 3);

  private final DataKey key = DataKey.generate();

  @Test
  void barrier_roundTrip_givesThePlaintext() throws BarrierException {
    Barrier barrier = key.barrier();
    assertThat(barrier.decrypt(ROW, barrier.encrypt(ROW, BODY))).isEqualTo(BODY);
  }

  @Test
  void barrier_flippedByte_fails() {
    Barrier barrier = key.barrier();
    byte[] ciphertext = barrier.encrypt(ROW, BODY);
    for (int i = 0; i < ciphertext.length; i++) {
      byte[] flipped = ciphertext.clone();
      flipped[i] ^= 0x01;
      assertThatThrownBy(() -> barrier.decrypt(ROW, flipped)).isInstanceOf(BarrierException.class);
    }
  }

  @Test
  void barrier_rowMovedToAnotherKey_fails() {
    Barrier barrier = key.barrier();
    byte[] ciphertext = barrier.encrypt(ROW, BODY);
    RowId other = new RowId("policy_versions", "acme/other", 3);
    assertThatThrownBy(() -> barrier.decrypt(other, ciphertext))
        .isInstanceOf(BarrierException.class)
        .hasMessageContaining("acme/other");
  }

  @Test
  void barrier_versionsSwapped_fail() {
    Barrier barrier = key.barrier();
    RowId v1 = new RowId("policy_versions", "acme/payments", 1);
    RowId v2 = new RowId("policy_versions", "acme/payments", 2);
    byte[] c1 = barrier.encrypt(v1, "one".getBytes(StandardCharsets.UTF_8));
    byte[] c2 = barrier.encrypt(v2, "two".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> barrier.decrypt(v1, c2)).isInstanceOf(BarrierException.class);
    assertThatThrownBy(() -> barrier.decrypt(v2, c1)).isInstanceOf(BarrierException.class);
  }

  @Test
  void barrier_rowMovedToAnotherTable_fails() {
    Barrier barrier = key.barrier();
    byte[] ciphertext = barrier.encrypt(ROW, BODY);
    RowId other = new RowId("proposals", ROW.key(), ROW.version());
    assertThatThrownBy(() -> barrier.decrypt(other, ciphertext))
        .isInstanceOf(BarrierException.class);
  }

  @Test
  void barrier_anotherDataKey_fails() {
    byte[] ciphertext = key.barrier().encrypt(ROW, BODY);
    assertThatThrownBy(() -> DataKey.generate().barrier().decrypt(ROW, ciphertext))
        .isInstanceOf(BarrierException.class);
  }

  @Test
  void barrier_sameRowTwice_givesDifferentCiphertexts() {
    Barrier barrier = key.barrier();
    assertThat(barrier.encrypt(ROW, BODY)).isNotEqualTo(barrier.encrypt(ROW, BODY));
  }

  @Test
  void unwrap_underOtherAssociatedData_fails() throws Exception {
    KeyEncryptionKey kek = KeyEncryptionKey.generate(new java.security.SecureRandom());
    byte[] header = "header of seal 1".getBytes(StandardCharsets.US_ASCII);
    byte[] wrapped = key.wrap(kek.aead(), header);
    assertThat(DataKey.unwrap(wrapped, kek.aead(), header).barrier().decrypt(ROW, encrypted()))
        .isEqualTo(BODY);
    byte[] other = "header of seal 2".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> DataKey.unwrap(wrapped, kek.aead(), other))
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }

  @Test
  void unwrap_underAnotherKek_fails() throws Exception {
    java.security.SecureRandom random = new java.security.SecureRandom();
    byte[] header = new byte[] {1};
    byte[] wrapped = key.wrap(KeyEncryptionKey.generate(random).aead(), header);
    assertThatThrownBy(
            () -> DataKey.unwrap(wrapped, KeyEncryptionKey.generate(random).aead(), header))
        .isInstanceOf(java.security.GeneralSecurityException.class);
  }

  private byte[] encrypted() {
    return key.barrier().encrypt(ROW, BODY);
  }

  @Test
  void toString_isRedacted() {
    assertThat(key.toString()).isEqualTo("DataKey[redacted]");
  }
}
