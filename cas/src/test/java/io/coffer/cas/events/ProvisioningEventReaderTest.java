package io.coffer.cas.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.cas.events.EventFormatException.Reason;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvisioningEventReaderTest {

  private static final String SUCCEEDED = json(SampleEvents.succeeded());
  private static final String FAILED = json(SampleEvents.failed());
  private static final String TO_SERVICE = json(SampleEvents.releasedToService());
  private static final String REVEALED = json(SampleEvents.revealed());
  private static final String NEXT_TAG = json(SampleEvents.nextTag());

  private static String json(CasEvent event) {
    return new String(EventCodec.encode(event), StandardCharsets.UTF_8);
  }

  /** {@code json} with the first {@code replace} replaced. */
  private static String edit(String json, String replace, String with) {
    int at = json.indexOf(replace);
    assertThat(at).as("%s in %s", replace, json).isNotNegative();
    return json.substring(0, at) + with + json.substring(at + replace.length());
  }

  private static void refused(String json, Reason reason, String member) {
    assertThatThrownBy(() -> EventCodec.parse(json.getBytes(StandardCharsets.UTF_8)))
        .as(json)
        .isInstanceOfSatisfying(
            EventFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.getMessage()).contains("member " + member);
            });
  }

  @Test
  void parse_refusesAnUnknownMember_ofEveryNewType() {
    for (String json : new String[] {SUCCEEDED, FAILED, TO_SERVICE, REVEALED, NEXT_TAG}) {
      refused(json.substring(0, json.length() - 1) + ",\"zz\":1}", Reason.UNKNOWN_FIELD, "zz");
    }
  }

  @Test
  void parse_refusesAnUnknownMember_ofAReleasedSecret() {
    refused(
        edit(
            TO_SERVICE, "{\"name\":\"db-password\"}", "{\"name\":\"db-password\",\"value\":\"x\"}"),
        Reason.UNKNOWN_FIELD,
        "secrets[0].value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"simulated\":false | \"simulated\":\"false\" | simulated",
        "\"debug\":false | \"debug\":0 | debug",
        "\"tcb_status\":\"UpToDate\" | \"tcb_status\":null | tcb_status",
        "\"policy_hash\":\" | \"policy_hash\":\"x | policy_hash",
        "\"public_key\":\"2222 | \"public_key\":\"2222A | public_key",
        "\"certificate_serial\":\"1f2e3d\" | \"certificate_serial\":\"01f2e3d\" | certificate_serial",
        "\"evidence_type\":\"tdx\" | \"evidence_type\":\"TDX\" | evidence_type",
        "\"mrSeam\":\"cdcd | \"mrSeam\":\"CDcd | measurements.mrSeam",
        "\"mrSeam\":\"cdcd | \"mrSeam\":\"cdc | measurements.mrSeam",
        "\"mrSeam\": | \"MrSeam\": | measurements",
        "\"tcb_status\":\"UpToDate\" | \"tcb_status\":\"Up-To-Date\" | tcb_status",
        "\"INTEL-SA-00615\" | \"INTEL-S-00615\" | advisories[0]",
        "\"INTEL-SA-00837\" | \"INTEL-SA-00615\" | advisories[1]",
        "\"service\":\"api\" | \"service\":\"../api\" | service",
        "\"policy\":\"acme/payments\" | \"policy\":\"acme//payments\" | policy",
      })
  void parse_refusesIllFormedMembers_ofAttestationSucceeded(
      String replace, String with, String member) {
    refused(edit(SUCCEEDED, replace, with), Reason.INVALID_FIELD, member);
  }

  @Test
  void parse_refusesMeasurementsAndAdvisoriesOfAnotherJsonType() {
    String m = "\"" + SampleEvents.M2 + "\"";
    String measurements = "{\"mrSeam\":" + m + ",\"mrTd\":" + m + ",\"rtmr0\":" + m + "}";
    String advisories = "[\"INTEL-SA-00615\",\"INTEL-SA-00837\"]";

    refused(edit(SUCCEEDED, measurements, "[" + m + "]"), Reason.INVALID_FIELD, "measurements");
    refused(edit(SUCCEEDED, measurements, m), Reason.INVALID_FIELD, "measurements");
    refused(
        edit(SUCCEEDED, "\"mrSeam\":" + m, "\"mrSeam\":[" + m + "]"),
        Reason.INVALID_FIELD,
        "measurements.mrSeam");
    refused(
        edit(SUCCEEDED, "\"mrSeam\":" + m, "\"mrSeam\":1"),
        Reason.INVALID_FIELD,
        "measurements.mrSeam");
    refused(edit(SUCCEEDED, advisories, "{}"), Reason.INVALID_FIELD, "advisories");
    refused(edit(SUCCEEDED, advisories, "[1]"), Reason.INVALID_FIELD, "advisories[0]");
  }

  @Test
  void parse_refusesTooManyMeasurements_beforeCheckingThem() {
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i <= AttestationSucceeded.MAX_MEASUREMENTS; i++) {
      many.append(i == 0 ? "" : ",").append("\"m").append(1000 + i).append("\":\"00\"");
    }
    String m = "\"" + SampleEvents.M2 + "\"";
    String measurements = "{\"mrSeam\":" + m + ",\"mrTd\":" + m + ",\"rtmr0\":" + m + "}";

    refused(
        edit(SUCCEEDED, measurements, many.append("}").toString()),
        Reason.INVALID_FIELD,
        "measurements");
  }

  @Test
  void parse_refusesAdvisoriesOutOfOrder() {
    refused(
        edit(
            SUCCEEDED,
            "\"INTEL-SA-00615\",\"INTEL-SA-00837\"",
            "\"INTEL-SA-00837\",\"INTEL-SA-00615\""),
        Reason.INVALID_FIELD,
        "advisories[1]");
  }

  @Test
  void parse_refusesAMissingMember_ofAttestationSucceeded() {
    refused(edit(SUCCEEDED, "\"debug\":false,", ""), Reason.MISSING_FIELD, "debug");
    refused(
        edit(SUCCEEDED, "\"certificate_serial\":\"1f2e3d\",", ""),
        Reason.MISSING_FIELD,
        "certificate_serial");
  }

  @Test
  void parse_refusesAnAttestationFailedWithoutReasons() {
    refused(
        edit(FAILED, "\"reasons\":[\"nonce-replayed\",\"wrong-measurement\"],", ""),
        Reason.MISSING_FIELD,
        "reasons");
    refused(
        edit(FAILED, "[\"nonce-replayed\",\"wrong-measurement\"]", "[]"),
        Reason.INVALID_FIELD,
        "reasons");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"wrong-measurement\" | \"WRONG_MEASUREMENT\" | reasons[1]",
        "\"wrong-measurement\" | \"nonce-replayed\" | reasons[1]",
        "\"wrong-measurement\" | \"policy-sealed\" | reasons[1]",
        "[\"nonce-replayed\",\"wrong-measurement\"] | \"nonce-replayed\" | reasons",
        "\"wrong-measurement\" | 7 | reasons[1]",
        "\"evidence_type\":\"sgx\" | \"evidence_type\":\"sev\" | evidence_type",
        "\"evidence_type\":\"sgx\" | \"evidence_type\":null | evidence_type",
        "\"public_key\":\"2222 | \"public_key\":\"222 | public_key",
      })
  void parse_refusesIllFormedMembers_ofAttestationFailed(
      String replace, String with, String member) {
    refused(edit(FAILED, replace, with), Reason.INVALID_FIELD, member);
  }

  @Test
  void parse_refusesTooManyReasons() {
    String many = "\"evidence-invalid\"" + ",\"evidence-invalid\"".repeat(32);
    refused(
        edit(FAILED, "\"nonce-replayed\",\"wrong-measurement\"", many),
        Reason.INVALID_FIELD,
        "reasons");
  }

  @Test
  void parse_refusesASecretReleasedToBothAServiceAndAPerson() {
    refused(
        edit(
            TO_SERVICE,
            "\"schema\"",
            "\"revealed_to\":\"" + SampleEvents.ALICE_TEXT + "\",\"schema\""),
        Reason.INVALID_FIELD,
        "service");
    refused(
        edit(REVEALED, "\"time\"", "\"service\":\"api\",\"time\""),
        Reason.INVALID_FIELD,
        "service");
  }

  @Test
  void parse_refusesASecretReleasedToNeitherAServiceNorAPerson() {
    refused(
        edit(
            edit(TO_SERVICE, "\"certificate_serial\":\"1f2e3d\",", ""), ",\"service\":\"api\"", ""),
        Reason.INVALID_FIELD,
        "service");
    refused(
        edit(REVEALED, "\"revealed_to\":\"" + SampleEvents.ALICE_TEXT + "\",", ""),
        Reason.INVALID_FIELD,
        "service");
  }

  @Test
  void parse_refusesACertificateSerialWithoutAService_andAServiceWithoutOne() {
    refused(
        edit(REVEALED, "{", "{\"certificate_serial\":\"1f\","),
        Reason.INVALID_FIELD,
        "certificate_serial");
    refused(
        edit(TO_SERVICE, "\"certificate_serial\":\"1f2e3d\",", ""),
        Reason.INVALID_FIELD,
        "certificate_serial");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"secrets\":[{\"name\":\"db-password\"} | \"secrets\":[{\"name\":\"db-password\",\"value\":1} | secrets[0].value",
        "\"secrets\":[{\"name\":\"db-password\"},"
            + " | \"secrets\":[\"db-password\","
            + " | secrets[0]",
        "\"from_secret\":\"root-ca\" | \"from_secret\":1 | secrets[1].from_secret",
        "\"from_secret\":\"root-ca\",\"name\":\"shared_ca\" | \"name\":\"shared_ca\" | secrets[1].from_policy",
        "\"name\":\"shared_ca\" | \"name\":\"db-password\" | secrets[1].name",
        "\"name\":\"shared_ca\" | \"name\":\".hidden\" | secrets[1].name",
        "\"from_policy\":\"acme/pki\" | \"from_policy\":\"/acme\" | secrets[1].from_policy",
        "\"certificate_serial\":\"1f2e3d\" | \"certificate_serial\":\"0\" | certificate_serial",
        "\"certificate_serial\":\"1f2e3d\" | \"certificate_serial\":\"1F2E3D\" | certificate_serial",
      })
  void parse_refusesIllFormedSecrets(String replace, String with, String member) {
    Reason expected = with.contains("\"value\"") ? Reason.UNKNOWN_FIELD : Reason.INVALID_FIELD;
    refused(edit(TO_SERVICE, replace, with), expected, member);
  }

  @Test
  void parse_refusesAReleaseOfNoSecret() {
    refused(edit(REVEALED, "[{\"name\":\"db-password\"}]", "[]"), Reason.INVALID_FIELD, "secrets");
    refused(edit(REVEALED, "[{\"name\":\"db-password\"}]", "{}"), Reason.INVALID_FIELD, "secrets");
  }

  @Test
  void parse_refusesARevealedToThatIsNotAnIdentity() {
    refused(
        edit(REVEALED, SampleEvents.ALICE_TEXT, "alice@example.com"),
        Reason.INVALID_FIELD,
        "revealed_to");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"generation\":2 | \"generation\":0 | generation",
        "\"generation\":2 | \"generation\":-2 | generation",
        "\"generation\":2 | \"generation\":\"2\" | generation",
        "\"generation\":2 | \"generation\":1 | old_tag",
        "\"new_tag\":\"2222 | \"new_tag\":\"222 | new_tag",
        "\"old_tag\":\"1111 | \"old_tag\":\"111 | old_tag",
        "\"old_tag\":\"1111 | \"old_tag\":\"X111 | old_tag",
        "\"volume\":\"data\" | \"volume\":\"\" | volume",
        "\"certificate_serial\":\"a0\" | \"certificate_serial\":\"\" | certificate_serial",
      })
  void parse_refusesIllFormedMembers_ofVolumeTagUpdated(
      String replace, String with, String member) {
    refused(edit(NEXT_TAG, replace, with), Reason.INVALID_FIELD, member);
  }

  @Test
  void parse_refusesAFirstTagWithAnOldTag_andALaterOneWithout() {
    refused(
        edit(
            NEXT_TAG,
            "\"new_tag\":\"" + SampleEvents.H2 + "\",\"old_tag\":\"" + SampleEvents.H1 + "\"",
            "\"new_tag\":\"" + SampleEvents.H2 + "\""),
        Reason.INVALID_FIELD,
        "old_tag");
  }
}
