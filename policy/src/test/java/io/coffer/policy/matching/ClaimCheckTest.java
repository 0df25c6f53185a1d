package io.coffer.policy.matching;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.EvidenceType;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.policy.model.Bytes16;
import io.coffer.policy.model.Bytes32;
import io.coffer.policy.model.Bytes48;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimCheckTest {

  private static final Bytes32 VALUE = TestClaims.b32(0x01);

  private static VerifiedClaims.Builder claims() {
    return VerifiedClaims.builder(EvidenceType.SGX, TestClaims.AT).reportData(new byte[64]);
  }

  private static ClaimCheck check(VerifiedClaims claims) {
    return new ClaimCheck(claims, "identity[0].sgx");
  }

  @Test
  void equal_sameBytes_noReason() {
    ClaimCheck c = check(claims().bytes("x", VALUE.value()).build());
    c.equal("f", "x", VALUE);
    assertThat(c.reasons()).isEmpty();
  }

  @Test
  void equal_bytesOfAnotherLength_isMalformed_evenWhenAPrefixMatches() {
    byte[] longer = new Bytes48(new byte[48]).value();
    System.arraycopy(VALUE.value(), 0, longer, 0, 32);
    ClaimCheck c = check(claims().bytes("x", longer).build());

    c.equal("f", "x", VALUE);

    assertThat(c.reasons())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.code()).isEqualTo(ReasonCode.CLAIM_MALFORMED);
          assertThat(r.actual()).isEqualTo("48 bytes");
          assertThat(r.message())
              .isEqualTo(
                  "identity[0].sgx.f: x is 48 bytes, expected "
                      + VALUE.hex()
                      + " (the claim is 48 bytes where the condition compares 32 bytes)");
        });
  }

  @Test
  void number_claimThatIsBytes_isMalformed() {
    ClaimCheck c = check(claims().bytes("n", new byte[2]).build());
    c.atLeast("f", "n", 1);
    assertThat(c.reasons()).extracting(Reason::code).containsExactly(ReasonCode.CLAIM_MALFORMED);
  }

  @Test
  void everyKindOfCheck_onAMissingClaim_isAMissingReason() {
    ClaimCheck c = check(claims().build());
    c.equal("a", "x", VALUE);
    c.oneOf("b", "x", List.of(VALUE));
    c.equal("c", "n", 1);
    c.atLeast("d", "n", 1);
    c.atMost("e", "n", 1);
    c.eachByteAtLeast("g", "svn", new Bytes16(new byte[16]));

    assertThat(c.reasons())
        .extracting(Reason::code)
        .containsOnly(ReasonCode.CLAIM_MISSING)
        .hasSize(6);
    assertThat(c.reasons()).extracting(Reason::actual).containsOnly("absent");
  }

  @Test
  void oneOf_matchesAnyListedValue() {
    ClaimCheck c = check(claims().bytes("x", VALUE.value()).build());
    c.oneOf("f", "x", List.of(TestClaims.b32(0x02), VALUE, TestClaims.b32(0x03)));
    assertThat(c.reasons()).isEmpty();
  }

  @Test
  void oneOf_longList_isAbbreviatedInTheMessage() {
    List<Bytes32> many = new ArrayList<>();
    for (int i = 0x10; i < 0x16; i++) {
      many.add(TestClaims.b32(i));
    }
    ClaimCheck c = check(claims().bytes("x", VALUE.value()).build());

    c.oneOf("f", "x", many);

    assertThat(c.reasons())
        .singleElement()
        .satisfies(r ->
            assertThat(r.expected())
                .startsWith("one of [" + many.get(0).hex())
                .endsWith(many.get(3).hex() + ", and 2 more]"));
  }

  @Test
  void equalNumber_comparesTheUnsignedValue() {
    ClaimCheck c = check(claims().number("n", -1).build());
    c.equal("f", "n", 65535);
    assertThat(c.reasons())
        .singleElement()
        .satisfies(r -> assertThat(r.actual()).isEqualTo("18446744073709551615"));
  }

  @Test
  void eachByteAtLeast_listsEveryByteBelow() {
    ClaimCheck c =
        check(
            claims()
                .bytes("svn", Bytes16.fromHex("00020300000000000000000000000001").value())
                .build());

    c.eachByteAtLeast("f", "svn", Bytes16.fromHex("01010400000000000000000000000002"));

    assertThat(c.reasons())
        .singleElement()
        .satisfies(r ->
            assertThat(r.message()).endsWith("(byte 0: 0 < 1, byte 2: 3 < 4, byte 15: 1 < 2)"));
  }
}
