package io.coffer.policy.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.GovernanceException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalMessageTest {

  static final String HASH = "3b0c4f3c1cd5e1f7ad4d9dcd4b7f6f0c9c2c9e2a4ad0c4c1f5b7f6c1e2d3a4b5";
  static final String PREDECESSOR =
      "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0";

  @Test
  void bytes_ofAnUpdate_equalTheOpenSslVector() throws Exception {
    ApprovalMessage message =
        ApprovalMessage.of("hospital/datasets/patients", HASH, Optional.of(PREDECESSOR));

    assertThat(message.bytes()).isEqualTo(Vectors.bytes("approval-message.bin"));
  }

  @Test
  void bytes_ofACreation_endWithAnEmptyPredecessorLine() throws Exception {
    ApprovalMessage message = ApprovalMessage.of("a", HASH, Optional.empty());

    assertThat(new String(message.bytes(), StandardCharsets.UTF_8))
        .isEqualTo("coffer-policy-approval-v1\na\n" + HASH + "\n");
  }

  @Test
  void bytes_differForCreationAndUpdate() throws Exception {
    assertThat(ApprovalMessage.of("a", HASH, Optional.empty()).bytes())
        .isNotEqualTo(ApprovalMessage.of("a", HASH, Optional.of(PREDECESSOR)).bytes());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "hospital/datasets/patients", "A-Z_a.z~0-9", "x/.y/z.", "..a/b..c"})
  void of_validName_isAccepted(String name) throws Exception {
    assertThat(ApprovalMessage.of(name, HASH, Optional.empty()).name()).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "/a", "a/", "a//b", "a b", "a\nb", "a:b", "ä", ".", "..", "a/./b", "a/..", "../a"
      })
  void of_malformedName_fails(String name) {
    assertThatThrownBy(() -> ApprovalMessage.of(name, HASH, Optional.empty()))
        .isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith("policy name ")
        .extracting(e -> ((GovernanceException) e).reason())
        .isEqualTo(Reason.MALFORMED_MESSAGE);
  }

  @Test
  void of_nameAtTheLimit_isAccepted_andOneMoreFails() throws Exception {
    String longest = "a".repeat(ApprovalMessage.MAX_NAME_LENGTH);

    assertThat(ApprovalMessage.of(longest, HASH, Optional.empty()).name()).isEqualTo(longest);
    assertThatThrownBy(() -> ApprovalMessage.of(longest + "a", HASH, Optional.empty()))
        .hasMessage("policy name longer than 255 characters");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "3B0C4F3C1CD5E1F7AD4D9DCD4B7F6F0C9C2C9E2A4AD0C4C1F5B7F6C1E2D3A4B5",
        "3b0c4f3c1cd5e1f7ad4d9dcd4b7f6f0c9c2c9e2a4ad0c4c1f5b7f6c1e2d3a4b",
        "3b0c4f3c1cd5e1f7ad4d9dcd4b7f6f0c9c2c9e2a4ad0c4c1f5b7f6c1e2d3a4b50",
        "3b0c4f3c1cd5e1f7ad4d9dcd4b7f6f0c9c2c9e2a4ad0c4c1f5b7f6c1e2d3a4bg"
      })
  void of_malformedHash_fails(String hash) {
    assertThatThrownBy(() -> ApprovalMessage.of("a", hash, Optional.empty()))
        .isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith("policy hash ")
        .hasMessageEndingWith("not 64 lower-case hex digits");
    assertThatThrownBy(() -> ApprovalMessage.of("a", HASH, Optional.of(hash)))
        .isInstanceOf(GovernanceException.class)
        .hasMessageStartingWith("predecessor hash ");
  }

  @Test
  void constructor_checksTheSameShapes_uncheckedForCode() {
    assertThatThrownBy(() -> new ApprovalMessage("a/", HASH, Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("policy name \"a/\"");
  }
}
