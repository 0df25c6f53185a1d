package io.coffer.cas.events;

import static io.coffer.cas.events.SampleEvents.H1;
import static io.coffer.cas.events.SampleEvents.H2;
import static io.coffer.cas.events.SampleEvents.M1;
import static io.coffer.cas.events.SampleEvents.T;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttestationSucceededTest {

  private static AttestationSucceeded with(
      String evidenceType, Map<String, String> measurements, String tcb, List<String> advisories) {
    return new AttestationSucceeded(
        T,
        "acme/payments",
        H1,
        "api",
        evidenceType,
        measurements,
        tcb,
        advisories,
        true,
        false,
        H2,
        "1");
  }

  private static void refused(Runnable make, String field) {
    assertThatThrownBy(make::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + ":");
  }

  @Test
  void new_sortsMeasurementsAndAdvisories_andCopiesThem() {
    Map<String, String> measurements = new HashMap<>(Map.of("mrSigner", M1, "mrEnclave", M1));
    List<String> advisories = new ArrayList<>(List.of("INTEL-SA-00837", "AMD-SB-3019"));

    AttestationSucceeded e = with("sgx", measurements, "UpToDate", advisories);
    measurements.put("zz", M1);
    advisories.add("INTEL-SA-00615");

    assertThat(e.measurements().keySet()).containsExactly("mrEnclave", "mrSigner");
    assertThat(e.advisories()).containsExactly("AMD-SB-3019", "INTEL-SA-00837");
    assertThatThrownBy(() -> e.measurements().put("x", M1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void new_acceptsEveryEvidenceType_andNoMeasurementOrAdvisory() {
    for (String type : List.of("sgx", "tdx", "snp", "snp-azure-hcl", "simulation")) {
      assertThat(with(type, Map.of(), "Simulated", List.of()).evidenceType()).isEqualTo(type);
    }
  }

  @Test
  void new_refusesAnUnknownEvidenceType() {
    refused(() -> with("sev", Map.of(), "UpToDate", List.of()), "evidence_type");
    refused(() -> with("SGX", Map.of(), "UpToDate", List.of()), "evidence_type");
  }

  @Test
  void new_refusesIllFormedMeasurements() {
    refused(() -> with("sgx", Map.of("MrEnclave", M1), "UpToDate", List.of()), "measurements");
    refused(() -> with("sgx", Map.of("mr_enclave", M1), "UpToDate", List.of()), "measurements");
    refused(
        () -> with("sgx", Map.of("m" + "x".repeat(64), M1), "UpToDate", List.of()), "measurements");
    refused(
        () -> with("sgx", Map.of("mrEnclave", M1.toUpperCase(Locale.ROOT)), "UpToDate", List.of()),
        "measurements.mrEnclave");
    refused(
        () -> with("sgx", Map.of("mrEnclave", "abc"), "UpToDate", List.of()),
        "measurements.mrEnclave");
    refused(
        () -> with("sgx", Map.of("mrEnclave", ""), "UpToDate", List.of()),
        "measurements.mrEnclave");
    refused(
        () -> with("sgx", Map.of("mrEnclave", "ab".repeat(129)), "UpToDate", List.of()),
        "measurements.mrEnclave");
    assertThat(with("sgx", Map.of("mrEnclave", "ab".repeat(128)), "UpToDate", List.of()))
        .isNotNull();
  }

  @Test
  void new_refusesMoreThan64Measurements() {
    Map<String, String> many = new HashMap<>();
    for (int i = 0; i <= AttestationSucceeded.MAX_MEASUREMENTS; i++) {
      many.put("m" + i, "00");
    }

    refused(() -> with("sgx", many, "UpToDate", List.of()), "measurements");
  }

  @Test
  void new_refusesAnIllFormedTcbStatus() {
    refused(() -> with("sgx", Map.of(), "", List.of()), "tcb_status");
    refused(() -> with("sgx", Map.of(), "Up To Date", List.of()), "tcb_status");
    refused(() -> with("sgx", Map.of(), "x".repeat(65), List.of()), "tcb_status");
  }

  @Test
  void new_refusesIllFormedOrRepeatedAdvisories() {
    refused(() -> with("sgx", Map.of(), "UpToDate", List.of("intel-sa-00615")), "advisories[0]");
    refused(
        () -> with("sgx", Map.of(), "UpToDate", List.of("INTEL-SA-00615", "INTEL-SA-00615")),
        "advisories[1]");
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= AttestationSucceeded.MAX_ADVISORIES; i++) {
      many.add("INTEL-SA-" + (10000 + i));
    }
    refused(() -> with("sgx", Map.of(), "UpToDate", many), "advisories");
  }

  @Test
  void new_refusesIllFormedNamesHashesAndSerials() {
    refused(
        () ->
            new AttestationSucceeded(
                T, "acme/../x", H1, "api", "sgx", Map.of(), "Ok", List.of(), false, false, H2, "1"),
        "policy");
    refused(
        () ->
            new AttestationSucceeded(
                T, "acme", "11", "api", "sgx", Map.of(), "Ok", List.of(), false, false, H2, "1"),
        "policy_hash");
    refused(
        () ->
            new AttestationSucceeded(
                T, "acme", H1, "-api", "sgx", Map.of(), "Ok", List.of(), false, false, H2, "1"),
        "service");
    refused(
        () ->
            new AttestationSucceeded(
                T, "acme", H1, "api", "sgx", Map.of(), "Ok", List.of(), false, false, "x", "1"),
        "public_key");
    for (String serial : List.of("", "0", "01", "1A", "1".repeat(41), "-1")) {
      refused(
          () ->
              new AttestationSucceeded(
                  T, "acme", H1, "api", "sgx", Map.of(), "Ok", List.of(), false, false, H2, serial),
          "certificate_serial");
    }
  }
}
