package io.coffer.cas.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Share files: exact round trips, strict parsing, the checksum binding share and seal. */
class ShamirShareTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ShamirShare share = ShamirSeal.generate("cas-1", 3, 2, RANDOM).shares().get(1);

  private String json() {
    return new String(share.encode(), StandardCharsets.UTF_8);
  }

  private static void assertMalformed(String file, String message) {
    assertThatThrownBy(() -> ShamirShare.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SealException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((SealException) e).reason())
        .isEqualTo(SealException.Reason.MALFORMED);
  }

  @Test
  void parse_ofEncode_isTheSame() throws SealException {
    ShamirShare parsed = ShamirShare.parse(share.encode());
    assertThat(parsed).isEqualTo(share);
    assertThat(parsed.index()).isEqualTo(2);
    assertThat(parsed.digest()).isEqualTo(share.digest());
  }

  @Test
  void encode_namesItsFormatAndSeal() {
    assertThat(json())
        .contains("\"format\" : \"coffer-shamir-share\"")
        .contains("\"seal\" : \"" + share.sealId().hex() + "\"")
        .contains("\"index\" : 2");
  }

  @Test
  void parse_shareCopiedIntoAnotherSealsFile_failsTheChecksum() {
    String otherSeal = SealId.generate(RANDOM).hex();
    assertMalformed(json().replace(share.sealId().hex(), otherSeal), "checksum");
  }

  @Test
  void parse_indexChanged_failsTheChecksum() {
    assertMalformed(json().replace("\"index\" : 2", "\"index\" : 3"), "checksum");
  }

  @Test
  void parse_shareBytesChanged_failsTheChecksumWithoutQuotingTheShare() {
    String b64 = Base64.getEncoder().encodeToString(share.share());
    byte[] changed = share.share();
    changed[0] ^= 1;
    String other = Base64.getEncoder().encodeToString(changed);
    String file = json().replace(b64, other);
    assertThatThrownBy(() -> ShamirShare.parse(file.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SealException.class)
        .hasMessageContaining("checksum")
        .hasMessageNotContaining(b64)
        .hasMessageNotContaining(other);
  }

  @Test
  void parse_unknownMember_isMalformed() {
    assertMalformed(json().replace("{", "{\"extra\": 1,"), "unknown member \"extra\"");
  }

  @Test
  void parse_duplicateMember_isMalformed() {
    assertMalformed(json().replace("{", "{\"index\": 2,"), "not JSON");
  }

  @Test
  void parse_missingMember_isMalformed() {
    assertMalformed(json().replaceAll("\"threshold\" : 2,", ""), "missing member \"threshold\"");
  }

  @Test
  void parse_numberAsString_isMalformed() {
    assertMalformed(json().replace("\"index\" : 2", "\"index\" : \"2\""), "index: not an integer");
  }

  @Test
  void parse_indexAboveShareCount_isMalformed() {
    assertMalformed(json().replace("\"index\" : 2", "\"index\" : 4"), "needs 1 <= index");
  }

  @Test
  void parse_otherVersion_isMalformed() {
    assertMalformed(json().replace("\"version\" : 1", "\"version\" : 2"), "unsupported 2");
  }

  @Test
  void parse_trailingContent_isMalformed() {
    assertMalformed(json() + "{}", "not JSON");
  }

  @Test
  void parse_notJson_isMalformed() {
    assertMalformed("share", "not JSON");
    assertMalformed("[]", "not a JSON object");
  }

  @Test
  void parse_tooLong_isMalformed() {
    assertMalformed(" ".repeat(ShamirShare.MAX_FILE_BYTES + 1), "longer than");
  }

  @Test
  void toString_hidesTheShare() {
    assertThat(share.toString())
        .doesNotContain(Base64.getEncoder().encodeToString(share.share()))
        .contains("redacted");
  }
}
