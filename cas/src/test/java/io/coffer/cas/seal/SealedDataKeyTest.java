package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a sealed data key: exact round trips, every malformation refused. */
class SealedDataKeyTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private static SealedDataKey shamir() {
    ShamirSeal seal = ShamirSeal.generate("cas-1", 3, 2, RANDOM);
    return seal.seal(DataKey.generate());
  }

  @Test
  void decode_ofEncode_isTheSame() throws SealException {
    SealedDataKey sealed = shamir();
    SealedDataKey decoded = SealedDataKey.decode(sealed.encode());
    assertThat(decoded).isEqualTo(sealed);
    assertThat(decoded.threshold()).isEqualTo(2);
    assertThat(decoded.shareCount()).isEqualTo(3);
    assertThat(decoded.casId()).isEqualTo("cas-1");
  }

  @Test
  void decode_keyFileSeal_roundTrips() throws SealException {
    SealedDataKey sealed =
        new SealedDataKey(
            SealType.KEY_FILE, SealId.generate(RANDOM), "cas", 0, List.of(), new byte[] {1, 2});
    assertThat(SealedDataKey.decode(sealed.encode())).isEqualTo(sealed);
  }

  @Test
  void decode_everyTruncation_isMalformed() {
    byte[] encoded = shamir().encode();
    for (int n = 0; n < encoded.length; n++) {
      byte[] cut = Arrays.copyOf(encoded, n);
      assertThatThrownBy(() -> SealedDataKey.decode(cut))
          .isInstanceOf(SealException.class)
          .extracting(e -> ((SealException) e).reason())
          .isEqualTo(SealException.Reason.MALFORMED);
    }
  }

  @Test
  void decode_trailingByte_isMalformed() {
    byte[] encoded = shamir().encode();
    byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
    assertThatThrownBy(() -> SealedDataKey.decode(longer))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("1 bytes after the wrapped key");
  }

  @Test
  void decode_otherVersion_isMalformed() {
    byte[] encoded = shamir().encode();
    encoded[4] = 2;
    assertThatThrownBy(() -> SealedDataKey.decode(encoded))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("unsupported version 2");
  }

  @Test
  void decode_unknownType_isMalformed() {
    byte[] encoded = shamir().encode();
    encoded[5] = 9;
    assertThatThrownBy(() -> SealedDataKey.decode(encoded))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("unknown seal type 9");
  }

  @Test
  void decode_thresholdAboveShares_isMalformed() {
    byte[] encoded = shamir().encode();
    int thresholdOffset = 4 + 1 + 1 + 16 + 1 + "cas-1".length();
    encoded[thresholdOffset] = 4;
    assertThatThrownBy(() -> SealedDataKey.decode(encoded))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("threshold 4 of 3");
  }

  @Test
  void decode_badCasId_isMalformed() {
    byte[] encoded = shamir().encode();
    encoded[4 + 1 + 1 + 16 + 1] = '/';
    assertThatThrownBy(() -> SealedDataKey.decode(encoded))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("CAS instance id");
  }

  @Test
  void decode_notASealedKey_isMalformed() {
    assertThatThrownBy(() -> SealedDataKey.decode("{\"json\": true}".getBytes()))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("magic");
  }

  @Test
  void new_keyFileWithShares_isRefused() {
    assertThatThrownBy(() ->
            new SealedDataKey(
                SealType.KEY_FILE,
                SealId.generate(RANDOM),
                "cas",
                1,
                List.of(new ShareDigest(new byte[32])),
                new byte[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
