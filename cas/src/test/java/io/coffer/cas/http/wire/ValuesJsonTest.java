package io.coffer.cas.http.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.service.Ballot;
import io.coffer.cas.service.CasState;
import io.coffer.cas.service.PolicyVersion;
import io.coffer.cas.service.PolicyView;
import io.coffer.cas.service.Proposal;
import io.coffer.cas.service.ProposalState;
import io.coffer.cas.service.SelfDescription;
import io.coffer.cas.service.UnsealProgress;
import io.coffer.ledger.merkle.ConsistencyProof;
import io.coffer.ledger.merkle.Hash;
import io.coffer.ledger.merkle.InclusionProof;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValuesJsonTest {

  private static final Instant T = Instant.parse("2026-05-06T07:08:09.123Z");
  private final Identity who = IdentityKey.generate(Identity.Type.P256).identity();

  @Test
  void policyView_roundTrips() throws Exception {
    PolicyView view =
        new PolicyView(
            new PolicyVersion(
                "a/b", 2, "ab".repeat(32), Optional.of("cd".repeat(32)), T, Optional.of("p"), 7),
            who,
            "text");

    byte[] json = ValuesJson.bytes(ValuesJson.render(view));

    assertThat(ValuesJson.policyView(JsonObject.parse(json, ValuesJson.viewMembers())))
        .isEqualTo(view);
  }

  @Test
  void proposal_roundTrips_withLowerCaseStates() throws Exception {
    Proposal p =
        new Proposal(
            "id",
            "a",
            "ab".repeat(32),
            "cd".repeat(32),
            who,
            T,
            T.plusSeconds(60),
            ProposalState.SUPERSEDED,
            List.of(new Ballot(who, true, T, Optional.empty())),
            "explained");

    byte[] json = ValuesJson.bytes(ValuesJson.render(p));

    assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"state\":\"superseded\"");
    assertThat(ValuesJson.proposal(JsonObject.parse(json, ValuesJson.proposalMembers())))
        .isEqualTo(p);
  }

  @Test
  void proposal_unknownState_namesTheField() {
    byte[] json =
        ("{\"id\":\"i\",\"name\":\"a\",\"hash\":\"h\",\"predecessor\":\"p\",\"proposer\":\""
                + who
                + "\",\"createdAt\":\"2026-01-01T00:00:00Z\",\"expiresAt\":\"2026-01-01T00:00:00Z\","
                + "\"state\":\"OPEN\",\"ballots\":[],\"explanation\":\"\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> ValuesJson.proposal(JsonObject.parse(json, ValuesJson.proposalMembers())))
        .hasMessage("state: unknown value \"OPEN\"");
  }

  @Test
  void selfDescription_roundTrips() throws Exception {
    SelfDescription d =
        new SelfDescription(
            CasState.SEALED,
            "tdx",
            false,
            List.of("w"),
            "tdx",
            new byte[] {1},
            new byte[] {2},
            new byte[] {3},
            "vkey",
            Optional.empty(),
            Optional.of(new UnsealProgress(1, 2, true)));

    SelfDescription back = ValuesJson.selfDescription(ValuesJson.bytes(ValuesJson.render(d)));

    assertThat(back.state()).isEqualTo(CasState.SEALED);
    assertThat(back.tlsPublicKey()).containsExactly(2);
    assertThat(back.shamir()).hasValue(new UnsealProgress(1, 2, true));
    assertThat(back.checkpoint()).isEmpty();
  }

  @Test
  void proofs_roundTrip_andBadHashesAreNamed() throws Exception {
    Hash h = Hash.of(new byte[32]);
    InclusionProof inclusion = new InclusionProof(1, 2, List.of(h));
    ConsistencyProof consistency = new ConsistencyProof(1, 2, List.of(h, h));

    assertThat(ValuesJson.inclusionProof(ValuesJson.bytes(ValuesJson.render(inclusion))))
        .isEqualTo(inclusion);
    assertThat(ValuesJson.consistencyProof(ValuesJson.bytes(ValuesJson.render(consistency))))
        .isEqualTo(consistency);
    assertThatThrownBy(() ->
            ValuesJson.inclusionProof(
                "{\"leafIndex\":1,\"treeSize\":2,\"path\":[\"AQI=\"]}"
                    .getBytes(StandardCharsets.UTF_8)))
        .hasMessageStartingWith("path[0]: ");
  }
}
