package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.Collateral;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.VerificationOptions;
import io.coffer.attestation.VerifiedClaims;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.simulation.SimulatedPlatform;
import io.coffer.attestation.testing.Vectors;
import io.coffer.attestation.verifier.AttestationVerifier;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report of claims that real verifications produce. */
class ClaimsReportTest {

  private static VerifiedClaims dcapQvlSgx() throws Exception {
    Collateral c =
        CollateralParser.parse(
            "bundle", Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote_collateral.json"));
    return AttestationVerifier.create(TrustAnchors.defaults())
        .verify(
            Vectors.bytes("sgx/dcap-qvl-sgx-v3/sgx_quote"),
            c,
            VerificationOptions.at(Instant.ofEpochSecond(1752919277L)));
  }

  private static VerifiedClaims simulated() throws Exception {
    SimulatedPlatform platform = SimulatedPlatform.generate();
    Instant now = Instant.parse("2025-07-01T00:00:00Z");
    Evidence e = platform.attest(new byte[32], new byte[64], now);
    return AttestationVerifier.create(
            TrustAnchors.defaults().withSimulationKey(platform.publicKey()))
        .verify(e, Collateral.empty(), VerificationOptions.at(now).allowingSimulation());
  }

  @Test
  void of_putsTheSummaryFirst_thenEveryClaimInTheVerifiersOrder() throws Exception {
    VerifiedClaims claims = dcapQvlSgx();

    ClaimsReport report = ClaimsReport.of(claims);

    assertThat(report.fields().keySet())
        .startsWith(
            "verified",
            "platform",
            "tcbStatus",
            "advisories",
            "debug",
            "reportData",
            "evidenceType",
            "simulated",
            "verifiedAt",
            "collateralValidFrom",
            "collateralValidUntil")
        .containsAll(claims.claims().keySet());
    assertThat(report.fields())
        .containsEntry("verified", true)
        .containsEntry("platform", "sgx")
        .containsEntry("tcbStatus", "ConfigurationAndSWHardeningNeeded")
        .containsEntry("advisories", List.of("INTEL-SA-00289", "INTEL-SA-00615"))
        .containsEntry("reportData", HexFormat.of().formatHex(claims.reportData()))
        .containsEntry("isvProdId", 0L)
        .containsEntry(
            "mrEnclave", "33d8736db756ed4997e04ba358d27833188f1932ff7b1d156904d3f560452fbb");
  }

  @Test
  void lines_alignTheValues_andLeaveOutTheVerdict() throws Exception {
    List<String> lines = ClaimsReport.of(dcapQvlSgx()).lines();

    assertThat(lines).noneMatch(l -> l.startsWith("verified "));
    assertThat(lines).contains("advisories               INTEL-SA-00289, INTEL-SA-00615");
    // Every value starts in the same column: two spaces after the longest name.
    int longest = lines.stream().mapToInt(l -> l.indexOf(' ')).max().orElseThrow();
    assertThat(lines)
        .allSatisfy(l -> assertThat(l.substring(0, longest + 2)).endsWith("  "))
        .allSatisfy(l -> assertThat(l.charAt(longest + 2)).isNotEqualTo(' '));
  }

  @Test
  void simulatedClaims_sayTheyAreSimulated_andHaveNoAdvisories() throws Exception {
    ClaimsReport report = ClaimsReport.of(simulated());

    assertThat(report.fields())
        .containsEntry("simulated", true)
        .containsEntry("platform", "simulation")
        .containsEntry("tcbStatus", "Unknown")
        .containsEntry("measurement", "00".repeat(32))
        .doesNotContainKey("collateralValidUntil");
    assertThat(report.lines()).contains("advisories    none");
  }
}
