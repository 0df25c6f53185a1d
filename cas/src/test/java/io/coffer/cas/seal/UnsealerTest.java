package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.seal.SealException.Reason;
import io.coffer.cas.service.UnsealProgress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Unsealing a Shamir seal share by share, against shares that are wrong in every way. */
class UnsealerTest {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final RowId ROW = new RowId("secrets", "acme/db-key", 1);

  private final DataKey key = DataKey.generate();
  private final ShamirSeal seal = ShamirSeal.generate("cas-1", 5, 3, RANDOM);
  private final SealedDataKey sealed = seal.seal(key);
  private final byte[] ciphertext =
      key.barrier().encrypt(ROW, "db".getBytes(StandardCharsets.UTF_8));

  private byte[] file(int index) {
    return seal.shares().get(index - 1).encode();
  }

  private Unsealer unsealer() throws SealException {
    return Unsealer.of(SealedDataKey.decode(sealed.encode()));
  }

  private static void assertFails(ThrowingCallable call, Reason reason) {
    assertThatThrownBy(call)
        .isInstanceOf(SealException.class)
        .extracting(e -> ((SealException) e).reason())
        .isEqualTo(reason);
  }

  @Test
  void submit_thresholdShares_opensTheDataKey() throws Exception {
    Unsealer unsealer = unsealer();
    assertThat(unsealer.submit(file(1))).isEqualTo(new UnsealProgress(1, 3, true));
    assertThat(unsealer.submit(file(2))).isEqualTo(new UnsealProgress(2, 3, true));
    assertThat(unsealer.submit(file(3))).isEqualTo(new UnsealProgress(3, 3, false));
    DataKey opened = unsealer.dataKey().orElseThrow();
    assertThat(new String(opened.barrier().decrypt(ROW, ciphertext), StandardCharsets.UTF_8))
        .isEqualTo("db");
  }

  @Test
  void submit_everySubsetOfThreshold_inAnyOrder_opens() throws Exception {
    List<int[]> orders = new ArrayList<>();
    for (int a = 1; a <= 5; a++) {
      for (int b = 1; b <= 5; b++) {
        for (int c = 1; c <= 5; c++) {
          if (a != b && b != c && a != c) {
            orders.add(new int[] {a, b, c});
          }
        }
      }
    }
    assertThat(orders).hasSize(60);
    for (int[] order : orders) {
      Unsealer unsealer = unsealer();
      for (int index : order) {
        unsealer.submit(file(index));
      }
      assertThat(unsealer.dataKey()).isPresent();
      assertThat(unsealer.dataKey().orElseThrow().barrier().decrypt(ROW, ciphertext))
          .isEqualTo("db".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void submit_oneShareBelowThreshold_staysSealed() throws Exception {
    Unsealer unsealer = unsealer();
    unsealer.submit(file(4));
    UnsealProgress progress = unsealer.submit(file(5));
    assertThat(progress.sealed()).isTrue();
    assertThat(progress.received()).isEqualTo(2);
    assertThat(unsealer.dataKey()).isEmpty();
  }

  @Test
  void submit_duplicateIndex_isRefusedAndNotCounted() throws Exception {
    Unsealer unsealer = unsealer();
    unsealer.submit(file(2));
    assertFails(() -> unsealer.submit(file(2)), Reason.DUPLICATE_SHARE);
    assertThat(unsealer.progress().received()).isEqualTo(1);
  }

  @Test
  void submit_shareOfAnotherSeal_isWrongSeal() throws Exception {
    ShamirSeal other = ShamirSeal.generate("cas-1", 5, 3, RANDOM);
    Unsealer unsealer = unsealer();
    assertFails(() -> unsealer.submit(other.shares().get(0).encode()), Reason.WRONG_SEAL);
    assertThat(unsealer.progress().received()).isZero();
  }

  @Test
  void submit_shareOfAnotherCasInstance_isWrongSeal() throws Exception {
    ShamirShare mine = seal.shares().get(0);
    ShamirShare moved = new ShamirShare(mine.sealId(), "cas-2", 1, 3, 5, mine.share());
    assertFails(() -> unsealer().submit(moved.encode()), Reason.WRONG_SEAL);
  }

  @Test
  void submit_otherThreshold_isWrongSeal() throws Exception {
    ShamirShare mine = seal.shares().get(0);
    ShamirShare lowered = new ShamirShare(mine.sealId(), mine.casId(), 1, 2, 5, mine.share());
    assertFails(() -> unsealer().submit(lowered.encode()), Reason.WRONG_SEAL);
  }

  @Test
  void submit_forgedShareWithItsOwnChecksum_isInvalidAndNotCounted() throws Exception {
    ShamirShare mine = seal.shares().get(0);
    byte[] bytes = mine.share();
    bytes[5] ^= 0x10;
    ShamirShare forged = new ShamirShare(mine.sealId(), mine.casId(), 1, 3, 5, bytes);
    Unsealer unsealer = unsealer();
    assertFails(() -> unsealer.submit(forged.encode()), Reason.INVALID_SHARE);
    assertThat(unsealer.progress().received()).isZero();
  }

  @Test
  void submit_malformedFile_isMalformed() throws Exception {
    Unsealer unsealer = unsealer();
    assertFails(() -> unsealer.submit("not a share".getBytes()), Reason.MALFORMED);
  }

  @Test
  void submit_tamperedWrappedKey_failsAtThresholdAndResets() throws Exception {
    byte[] wrapped = sealed.wrappedKey();
    wrapped[wrapped.length - 1] ^= 1;
    SealedDataKey tampered =
        new SealedDataKey(
            sealed.type(),
            sealed.sealId(),
            sealed.casId(),
            sealed.threshold(),
            sealed.shareDigests(),
            wrapped);
    Unsealer unsealer = Unsealer.of(tampered);
    unsealer.submit(file(1));
    unsealer.submit(file(2));
    assertFails(() -> unsealer.submit(file(3)), Reason.INVALID_SHARE);
    assertThat(unsealer.progress()).isEqualTo(new UnsealProgress(0, 3, true));
    assertThat(unsealer.dataKey()).isEmpty();
  }

  @Test
  void submit_digestsSwappedInTheStore_refusesTheRealShares() throws Exception {
    ShamirSeal other = ShamirSeal.generate("cas-1", 5, 3, RANDOM);
    SealedDataKey swapped =
        new SealedDataKey(
            sealed.type(),
            sealed.sealId(),
            sealed.casId(),
            3,
            other.shares().stream().map(ShamirShare::digest).toList(),
            sealed.wrappedKey());
    Unsealer unsealer = Unsealer.of(swapped);
    assertFails(() -> unsealer.submit(file(1)), Reason.INVALID_SHARE);
  }

  @Test
  void submit_afterOpening_isNotSealed() throws Exception {
    Unsealer unsealer = unsealer();
    for (int i = 1; i <= 3; i++) {
      unsealer.submit(file(i));
    }
    assertFails(() -> unsealer.submit(file(4)), Reason.NOT_SEALED);
    assertThat(unsealer.progress()).isEqualTo(new UnsealProgress(3, 3, false));
  }

  @Test
  void of_keyFileSealedKey_isWrongSeal() {
    SealedDataKey keyFile =
        new SealedDataKey(
            SealType.KEY_FILE, SealId.generate(RANDOM), "cas-1", 0, List.of(), new byte[] {1});
    assertFails(() -> Unsealer.of(keyFile), Reason.WRONG_SEAL);
  }

  @Test
  void submit_concurrentHolders_openExactlyOnce() throws Exception {
    Unsealer unsealer = unsealer();
    List<Integer> indices = new ArrayList<>(List.of(1, 2, 3, 4, 5));
    Collections.shuffle(indices, RANDOM);
    List<Future<Object>> results = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(5)) {
      for (int index : indices) {
        results.add(
            pool.submit(() -> {
              try {
                return unsealer.submit(file(index));
              } catch (SealException e) {
                return e.reason();
              }
            }));
      }
    }
    List<Object> outcomes = new ArrayList<>();
    for (Future<Object> f : results) {
      outcomes.add(f.get());
    }
    assertThat(outcomes).filteredOn(o -> o == Reason.NOT_SEALED).hasSize(2);
    assertThat(outcomes).filteredOn(o -> o instanceof UnsealProgress p && !p.sealed()).hasSize(1);
    assertThat(unsealer.dataKey()).isPresent();
  }
}
