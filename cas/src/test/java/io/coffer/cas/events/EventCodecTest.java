package io.coffer.cas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.EventFormatException.Reason;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventCodecTest {

  private static final Identity ALICE = IdentityKey.generate(Identity.Type.ED25519).identity();
  private static final Identity BOB = IdentityKey.generate(Identity.Type.P256).identity();
  private static final Instant T = Instant.parse("2026-03-01T10:00:00.123Z");
  private static final String H1 = "11".repeat(32);
  private static final String H2 = "22".repeat(32);
  private static final String P1 = "AAAAAAAAAAAAAAAAAAAAAA";
  private static final String P2 = "abcdefghijklmnop_-0123w";

  private static List<CasEvent> oneOfEach() {
    return List.of(
        new CasStarted(T, "simulation", true, H1, H2),
        new PolicyCreated(T, "a/b", H1, ALICE, List.of(BOB)),
        new PolicyProposed(T, "a/b", P1, H2, H1, ALICE, T.plusSeconds(3600)),
        new PolicyApproved(T, "a/b", P1, H2, BOB),
        new PolicyRejected(T, "a/b", P1, H2, BOB),
        new PolicyWithdrawn(T, "a/b", P1, H2, ALICE),
        new PolicySuperseded(T, "a/b", P1, H2, P2.substring(1)),
        new PolicyExpired(T, "a/b", P1, H2, T.minusSeconds(1)),
        new PolicyActivated(T, "a/b", P1, H2, H1, 2, List.of(ALICE, BOB)),
        new AccessDenied(
            T,
            BOB,
            AccessDenied.Operation.APPROVE,
            "a/b",
            Optional.of(P1),
            AccessDenied.Reason.UPDATE_RULE),
        SampleEvents.succeeded(),
        SampleEvents.failed(),
        SampleEvents.releasedToService(),
        SampleEvents.nextTag());
  }

  private static List<CasEvent> variants() {
    return List.of(
        SampleEvents.failedEarly(),
        SampleEvents.revealed(),
        SampleEvents.firstTag(),
        new AccessDenied(
            T,
            ALICE,
            AccessDenied.Operation.REVEAL,
            "a/b",
            Optional.empty(),
            AccessDenied.Reason.REVEAL_TO),
        new AccessDenied(
            T,
            BOB,
            AccessDenied.Operation.VOLUME_TAG,
            "a/b",
            Optional.empty(),
            AccessDenied.Reason.NOT_MOUNTED),
        new AccessDenied(
            T,
            BOB,
            AccessDenied.Operation.VOLUME_TAG,
            "a/b",
            Optional.empty(),
            AccessDenied.Reason.NOT_ATTESTED),
        new AccessDenied(
            T,
            BOB,
            AccessDenied.Operation.READ,
            "a/b",
            Optional.empty(),
            AccessDenied.Reason.READ_RULE));
  }

  @Test
  void optionalMembersAndNewOperations_roundTrip() throws Exception {
    for (CasEvent event : variants()) {
      assertThat(EventCodec.parse(EventCodec.encode(event))).as("%s", event).isEqualTo(event);
    }
  }

  @Test
  void everyType_roundTrips_andIsCanonical() throws Exception {
    for (CasEvent event : oneOfEach()) {
      byte[] entry = EventCodec.encode(event);

      assertThat(EventCodec.parse(entry)).as("%s", event.type()).isEqualTo(event);
      assertThat(new String(entry, StandardCharsets.UTF_8))
          .startsWith("{")
          .contains("\"schema\":1")
          .contains("\"type\":\"" + event.type().code() + "\"")
          .contains("\"time\":\"2026-03-01T10:00:00.123Z\"");
    }
    assertThat(oneOfEach()).extracting(CasEvent::type).containsExactly(EventType.values());
  }

  @Test
  void directEncoding_isExactlyTheCanonicalizersOutput() throws Exception {
    List<CasEvent> all = new java.util.ArrayList<>(oneOfEach());
    all.addAll(variants());
    for (CasEvent event : all) {
      com.fasterxml.jackson.databind.node.ObjectNode tree =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              new com.fasterxml.jackson.databind.ObjectMapper().readTree(EventCodec.encode(event));
      assertThat(EventCodec.plain(tree)).as("%s", event.type()).isTrue();
      byte[] entry = EventCodec.encode(event);
      assertThat(io.coffer.ledger.json.CanonicalJson.canonicalize(entry))
          .as("%s", event.type())
          .isEqualTo(entry);
    }
  }

  @Test
  void plain_refusesWhatCanonicalizationWouldRewrite() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (String doc :
        new String[] {
          "{\"a\":\"tab\\tx\"}",
          "{\"a\":\"quote\\\"\"}",
          "{\"a\":\"caf\u00e9\"}",
          "{\"a\":1.5}",
          "{\"a\":9007199254740992}",
          "{\"a\":-9223372036854775808}",
          "{\"caf\u00e9\":1}",
          "{\"a\":null}"
        }) {
      assertThat(EventCodec.plain(json.readTree(doc))).as(doc).isFalse();
    }
    assertThat(
            EventCodec.plain(
                json.readTree("{\"b\":[1,true,\"x\"],\"a\":{\"c\":-9007199254740991}}")))
        .isTrue();
  }

  @Test
  void encode_isTheDocumentedForm() {
    byte[] entry = EventCodec.encode(new PolicyApproved(T, "a/b", P1, H2, ALICE));

    assertThat(new String(entry, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"hash\":\""
                + H2
                + "\",\"name\":\"a/b\",\"proposal\":\""
                + P1
                + "\",\"schema\":1,\"time\":\"2026-03-01T10:00:00.123Z\","
                + "\"type\":\"policy.approved\",\"voter\":\""
                + ALICE
                + "\"}");
  }

  private static String json(CasEvent event) {
    return new String(EventCodec.encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void encode_attestationSucceeded_isTheDocumentedForm() {
    String m = "cd".repeat(48);

    assertThat(json(SampleEvents.succeeded()))
        .isEqualTo(
            "{\"advisories\":[\"INTEL-SA-00615\",\"INTEL-SA-00837\"],"
                + "\"certificate_serial\":\"1f2e3d\",\"debug\":false,\"evidence_type\":\"tdx\","
                + "\"measurements\":{\"mrSeam\":\""
                + m
                + "\",\"mrTd\":\""
                + m
                + "\",\"rtmr0\":\""
                + m
                + "\"},\"policy\":\"acme/payments\",\"policy_hash\":\""
                + H1
                + "\",\"public_key\":\""
                + H2
                + "\",\"schema\":1,\"service\":\"api\",\"simulated\":false,"
                + "\"tcb_status\":\"UpToDate\",\"time\":\"2026-03-01T10:00:00.123Z\","
                + "\"type\":\"attestation.succeeded\"}");
  }

  @Test
  void encode_attestationFailed_isTheDocumentedForm() {
    assertThat(json(SampleEvents.failed()))
        .isEqualTo(
            "{\"evidence_type\":\"sgx\",\"policy\":\"acme/payments\",\"public_key\":\""
                + H2
                + "\",\"reasons\":[\"nonce-replayed\",\"wrong-measurement\"],\"schema\":1,"
                + "\"service\":\"api\",\"time\":\"2026-03-01T10:00:00.123Z\","
                + "\"type\":\"attestation.failed\"}");
    assertThat(json(SampleEvents.failedEarly()))
        .isEqualTo(
            "{\"policy\":\"acme/payments\",\"reasons\":[\"unknown-service\"],\"schema\":1,"
                + "\"service\":\"api\",\"time\":\"2026-03-01T10:00:00.123Z\","
                + "\"type\":\"attestation.failed\"}");
  }

  @Test
  void encode_secretReleased_isTheDocumentedForm_withNamesOnly() {
    assertThat(json(SampleEvents.releasedToService()))
        .isEqualTo(
            "{\"certificate_serial\":\"1f2e3d\",\"policy\":\"acme/payments\",\"schema\":1,"
                + "\"secrets\":[{\"name\":\"db-password\"},{\"from_policy\":\"acme/pki\","
                + "\"from_secret\":\"root-ca\",\"name\":\"shared_ca\"}],\"service\":\"api\","
                + "\"time\":\"2026-03-01T10:00:00.123Z\",\"type\":\"secret.released\"}");
    assertThat(json(SampleEvents.revealed()))
        .isEqualTo(
            "{\"policy\":\"acme/payments\",\"revealed_to\":\""
                + SampleEvents.ALICE_TEXT
                + "\",\"schema\":1,\"secrets\":[{\"name\":\"db-password\"}],"
                + "\"time\":\"2026-03-01T10:00:00.123Z\",\"type\":\"secret.released\"}");
  }

  @Test
  void encode_volumeTagUpdated_isTheDocumentedForm() {
    assertThat(json(SampleEvents.nextTag()))
        .isEqualTo(
            "{\"certificate_serial\":\"a0\",\"generation\":2,\"new_tag\":\""
                + H2
                + "\",\"old_tag\":\""
                + H1
                + "\",\"policy\":\"acme/payments\",\"schema\":1,\"service\":\"api\","
                + "\"time\":\"2026-03-01T10:00:00.123Z\",\"type\":\"volume.tag.updated\","
                + "\"volume\":\"data\"}");
    assertThat(json(SampleEvents.firstTag()))
        .doesNotContain("old_tag")
        .contains("\"generation\":1");
  }

  @Test
  void encode_accessDeniedForTheNewOperations_isTheDocumentedForm() {
    assertThat(
            json(
                new AccessDenied(
                    T,
                    SampleEvents.ALICE,
                    AccessDenied.Operation.REVEAL,
                    "acme/payments",
                    Optional.empty(),
                    AccessDenied.Reason.REVEAL_TO)))
        .isEqualTo(
            "{\"caller\":\""
                + SampleEvents.ALICE_TEXT
                + "\",\"name\":\"acme/payments\",\"operation\":\"reveal\","
                + "\"reason\":\"REVEAL_TO\",\"schema\":1,\"time\":\"2026-03-01T10:00:00.123Z\","
                + "\"type\":\"access.denied\"}");
  }

  @Test
  void encode_refusesAnEventLargerThanAnEntry() {
    String longPolicy = String.join("/", Collections.nCopies(3, "p".repeat(64)));
    List<SecretReleased.Released> secrets = new ArrayList<>();
    for (int i = 0; i < SecretReleased.MAX_SECRETS; i++) {
      secrets.add(SecretReleased.Released.imported("s" + i + "-".repeat(50), longPolicy, "x"));
    }
    SecretReleased huge =
        new SecretReleased(
            T, "a/b", Optional.of("api"), Optional.empty(), secrets, Optional.of("1"));

    assertThatThrownBy(() -> EventCodec.encode(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secret.released")
        .hasMessageContaining(String.valueOf(EventCodec.MAX_EVENT_BYTES));
  }

  @ParameterizedTest
  @CsvSource({
    "attestation-succeeded, ATTESTATION_SUCCEEDED",
    "attestation-failed, ATTESTATION_FAILED",
    "secret-released, SECRET_RELEASED",
    "volume-tag-updated, VOLUME_TAG_UPDATED",
  })
  void fuzzSeedsOfTheNewTypes_areAccepted(String seed, EventType type) throws Exception {
    byte[] entry;
    try (InputStream in =
        EventCodecTest.class.getResourceAsStream(
            "EventCodecFuzzTestInputs/parseAcceptsOrRefusesAnyEntry/" + seed)) {
      assertThat(in).as(seed).isNotNull();
      entry = in.readAllBytes();
    }

    CasEvent event = EventCodec.parse(entry);

    assertThat(event.type()).isEqualTo(type);
    assertThat(EventCodec.encode(event)).isEqualTo(entry);
  }

  @Test
  void time_isKeptToTheMillisecond() throws Exception {
    CasEvent event =
        new PolicyApproved(Instant.parse("2026-03-01T10:00:00.123456789Z"), "a/b", P1, H2, ALICE);

    assertThat(event.time()).isEqualTo(T);
    assertThat(EventCodec.parse(EventCodec.encode(event)).time()).isEqualTo(T);
  }

  private static String approved(String replace, String with) {
    return new String(
            EventCodec.encode(new PolicyApproved(T, "a/b", P1, H2, ALICE)), StandardCharsets.UTF_8)
        .replace(replace, with);
  }

  private static void refused(String json, Reason reason) {
    assertThatThrownBy(() -> EventCodec.parse(json.getBytes(StandardCharsets.UTF_8)))
        .as(json)
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void parse_refusesWhatIsNotCanonical() {
    refused(approved("{", "{ "), Reason.NOT_CANONICAL);
    refused(approved("\"}", "\",\"zz\":1}"), Reason.UNKNOWN_FIELD);
    refused("[1]", Reason.MALFORMED);
    refused("{\"a\":1,\"a\":2}", Reason.MALFORMED);
    refused("{\"schema\":1", Reason.MALFORMED);
    refused("", Reason.MALFORMED);
  }

  @Test
  void parse_refusesUnknownSchemaAndType() {
    refused(approved("\"schema\":1", "\"schema\":2"), Reason.UNSUPPORTED_SCHEMA);
    refused(approved("\"schema\":1", "\"schema\":\"1\""), Reason.INVALID_FIELD);
    refused(approved("policy.approved", "attestation.started"), Reason.UNKNOWN_TYPE);
  }

  @ParameterizedTest
  @CsvSource({
    "\"hash\":\"2222, \"hash\":\"ZZZZ",
    "\"name\":\"a/b\", \"name\":\"../b\"",
    "\"proposal\":\"AAAA, \"proposal\":\"!AAA",
    "\"time\":\"2026-03-01T10:00:00.123Z\", \"time\":\"2026-03-01T10:00:00Z\"",
    "\"time\":\"2026-03-01T10:00:00.123Z\", \"time\":\"2026-02-30T10:00:00.123Z\"",
    "\"voter\":\"ed25519:, \"voter\":\"rsa:",
    "\"name\":\"a/b\", \"name\":7",
  })
  void parse_refusesIllFormedMembers(String replace, String with) {
    refused(approved(replace, with), Reason.INVALID_FIELD);
  }

  @Test
  void parse_refusesAMissingMember() {
    refused(approved(",\"name\":\"a/b\"", ""), Reason.MISSING_FIELD);
    refused(approved(",\"voter\":\"" + ALICE + "\"", ""), Reason.MISSING_FIELD);
  }

  @Test
  void parse_refusesAnOversizedEntry_beforeReadingIt() {
    byte[] big = new byte[EventCodec.MAX_EVENT_BYTES + 1];

    assertThatThrownBy(() -> EventCodec.parse(big))
        .isInstanceOfSatisfying(
            EventFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
  }

  @Test
  void records_refuseValuesThatAreNotNamesHashesOrIds() {
    assertThatThrownBy(() -> new PolicyApproved(T, "a//b", P1, H2, ALICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new PolicyApproved(
                T, "a/b", P1, "ab".repeat(32).toUpperCase(java.util.Locale.ROOT), ALICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolicyApproved(T, "a/b", "AAAAAAAAAAAAAAAAAAAAAB", H2, ALICE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PolicyActivated(T, "a/b", P1, H2, H1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
