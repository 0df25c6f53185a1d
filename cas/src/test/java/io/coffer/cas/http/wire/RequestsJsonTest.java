package io.coffer.cas.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.governance.Approval;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestsJsonTest {

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void submission_roundTripsWithApprovalsAndLifetime() throws Exception {
    IdentityKey key = IdentityKey.generate(Identity.Type.ED25519);
    Approval approval =
        key.approve(ApprovalMessage.of("acme", "ab".repeat(32), Optional.of("cd".repeat(32))));
    RequestsJson.Submission s =
        new RequestsJson.Submission(
            utf8("name: acme\n\"quoted\": ü\n"),
            List.of(approval),
            Optional.of(Duration.ofHours(1)));

    RequestsJson.Submission back = RequestsJson.submission(RequestsJson.render(s), true);

    assertThat(back.policyYaml()).isEqualTo(s.policyYaml());
    assertThat(back.approvals()).containsExactly(approval);
    assertThat(back.lifetime()).hasValue(Duration.ofHours(1));
  }

  @Test
  void submission_forCreate_refusesALifetime() {
    assertThatThrownBy(
            () -> RequestsJson.submission(utf8("{\"policy\":\"a\",\"lifetimeSeconds\":5}"), false))
        .isInstanceOfSatisfying(
            WireException.class, e -> assertThat(e.field()).isEqualTo("lifetimeSeconds"));
  }

  @Test
  void submission_lifetimeBeyondTheMaximum_isRejected() {
    assertThatThrownBy(() ->
            RequestsJson.submission(utf8("{\"policy\":\"a\",\"lifetimeSeconds\":2592001}"), true))
        .hasMessageContaining("lifetimeSeconds: must be within 1..2592000");
  }

  @Test
  void submission_badApproval_namesItsIndex() {
    String json =
        "{\"policy\":\"a\",\"approvals\":[{\"identity\":\"ed25519:AAAA\",\"signature\":\"\"},1]}";

    assertThatThrownBy(() -> RequestsJson.submission(utf8(json), false))
        .isInstanceOfSatisfying(
            WireException.class, e -> assertThat(e.field()).isEqualTo("approvals[0]"));
  }

  @Test
  void rejection_reasonIsOptionalAndBounded() throws Exception {
    assertThat(RequestsJson.rejection(utf8("{}"))).isEmpty();
    assertThat(RequestsJson.rejection(RequestsJson.renderRejection(Optional.of("no"))))
        .hasValue("no");
    assertThatThrownBy(() ->
            RequestsJson.rejection(RequestsJson.renderRejection(Optional.of("x".repeat(1001)))))
        .hasMessageStartingWith("reason: longer than 1000");
  }

  @Test
  void share_roundTrips_andEmptyRefusesMembers() throws Exception {
    assertThat(RequestsJson.share(RequestsJson.renderShare(new byte[] {1, 2, 3})))
        .containsExactly(1, 2, 3);
    assertThatThrownBy(() -> RequestsJson.empty(utf8("{\"force\":true}")))
        .hasMessageStartingWith("force: unknown member");
  }
}
