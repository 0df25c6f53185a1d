package io.coffer.cas.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.model.Tolerance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pin file: exact round trips and strict parsing. */
class CasPinTest {

  private static final CasKeys KEYS =
      CasKeys.generate(
          "cas.example/log",
          List.of(),
          InstantSource.fixed(SimulatedCasFixture.NOW),
          new SecureRandom());

  private static final CasPin PIN =
      new CasPin(
          URI.create("https://cas.example:8443"),
          "prod",
          KEYS.tlsPublicKey(),
          KEYS.ledgerVerifierKey(),
          new CasMeasurement(new byte[48]),
          "sev-snp",
          false,
          Set.of(Tolerance.SW_HARDENING_NEEDED, Tolerance.OUTDATED_TCB),
          SimulatedCasFixture.NOW);

  private static String json() {
    return new String(PIN.encode(), StandardCharsets.UTF_8);
  }

  private static void assertMalformed(String json, String message) {
    assertThatThrownBy(() -> CasPin.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(CasVerificationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((CasVerificationException) e).reason())
        .isEqualTo(CasVerificationException.Reason.MALFORMED_PIN);
  }

  @Test
  void decode_ofEncode_isTheSame() throws CasVerificationException {
    CasPin decoded = CasPin.decode(PIN.encode());
    assertThat(decoded).isEqualTo(PIN);
    assertThat(decoded.tlsPublicKey()).isEqualTo(KEYS.tlsPublicKey());
    assertThat(decoded.attestedAt()).isEqualTo(SimulatedCasFixture.NOW);
  }

  @Test
  void encode_writesTheDocumentedMembers() {
    assertThat(json())
        .contains("\"version\" : 2")
        .contains("\"tolerated\" : [ \"outdated-tcb\", \"sw-hardening-needed\" ]")
        .contains("\"url\" : \"https://cas.example:8443\"")
        .contains("\"attestedAt\" : \"2025-06-01T12:00:00Z\"")
        .contains("\"tee\" : \"sev-snp\"");
  }

  @Test
  void decode_unknownMember_isMalformed() {
    assertMalformed(json().replace("{", "{\"trusted\": true,"), "unknown member \"trusted\"");
  }

  @Test
  void decode_missingMember_isMalformed() {
    assertMalformed(json().replaceAll("\"tee\" : \"sev-snp\",", ""), "missing member \"tee\"");
  }

  @Test
  void decode_duplicateMember_isMalformed() {
    assertMalformed(json().replace("{", "{\"name\": \"other\","), "not JSON");
  }

  @Test
  void decode_plainHttp_isMalformed() {
    assertMalformed(json().replace("https://", "http://"), "https");
  }

  @Test
  void decode_urlWithPath_isMalformed() {
    assertMalformed(json().replace(":8443\"", ":8443/evil\""), "without path");
  }

  @Test
  void decode_nameThatLeavesTheDirectory_isMalformed() {
    assertMalformed(json().replace("\"prod\"", "\"../prod\""), "name");
  }

  @Test
  void decode_simulatedFlagDisagreeingWithTee_isMalformed() {
    assertMalformed(json().replace("\"simulated\" : false", "\"simulated\" : true"), "simulated");
  }

  @Test
  void decode_nonCanonicalInstant_isMalformed() {
    assertMalformed(json().replace("12:00:00Z", "12:00:00+00:00"), "attestedAt");
  }

  @Test
  void decode_badMeasurement_isMalformed() {
    assertMalformed(json().replace("\"" + "00".repeat(48) + "\"", "\"00\""), "measurement");
  }

  @Test
  void decode_tlsKeyNotDer_isMalformed() {
    assertMalformed(
        json().replaceAll("\"tlsPublicKey\" : \"[^\"]+\"", "\"tlsPublicKey\" : \"AAEC\""),
        "tlsPublicKey");
  }

  @Test
  void decode_ledgerKeyNotAVerifierKey_isMalformed() {
    assertMalformed(json().replace(KEYS.ledgerVerifierKey(), "cas+00+AA=="), "ledgerVerifierKey");
  }

  @Test
  void decode_otherVersion_isMalformed() {
    assertMalformed(json().replace("\"version\" : 2", "\"version\" : 3"), "version");
  }

  @Test
  void decode_versionOne_asksToAttestAgain() {
    String v1 =
        json()
            .replace("\"version\" : 2", "\"version\" : 1")
            .replaceAll("\"tolerated\" : \\[[^\\]]*\\],", "");
    assertMalformed(v1, "attest the CAS again");
  }

  @Test
  void decode_toleratedRoundTrips_andIsChecked() throws CasVerificationException {
    assertThat(CasPin.decode(PIN.encode()).tolerated())
        .containsExactlyInAnyOrder(Tolerance.OUTDATED_TCB, Tolerance.SW_HARDENING_NEEDED);
    assertMalformed(
        json()
            .replace(
                "\"outdated-tcb\", \"sw-hardening-needed\"",
                "\"sw-hardening-needed\", \"outdated-tcb\""),
        "sorted");
    assertMalformed(json().replace("\"outdated-tcb\"", "\"anything\""), "not a tolerance");
    assertMalformed(json().replace("\"outdated-tcb\"", "\"sw-hardening-needed\""), "twice");
    assertMalformed(json().replace("\"outdated-tcb\"", "1"), "not a tolerance");
    assertMalformed(
        json().replaceAll("\"tolerated\" : \\[[^\\]]*\\]", "\"tolerated\" : \"debug\""),
        "not a list");
    // Simulation is tolerated exactly when the pin says the evidence was simulated.
    assertMalformed(
        json().replace("\"outdated-tcb\"", "\"simulation\""), "simulation is tolerated");
  }

  @Test
  void decode_trailingContent_isMalformed() {
    assertMalformed(json() + "[]", "not JSON");
  }

  @Test
  void withUrl_keepsEverythingButTheAddress() throws CasVerificationException {
    CasPin moved = PIN.withUrl(URI.create("https://cas2.example"));
    assertThat(moved.url()).isEqualTo(URI.create("https://cas2.example"));
    assertThat(moved.withUrl(PIN.url())).isEqualTo(PIN);
    assertThat(CasPin.decode(moved.encode())).isEqualTo(moved);
  }
}
