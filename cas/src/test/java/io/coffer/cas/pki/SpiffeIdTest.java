package io.coffer.cas.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpiffeIdTest {

  @Test
  void uri_multiSegmentPolicy_becomesPathSegments() {
    SpiffeId id = new SpiffeId("coffer.example", "hospital/datasets", "trainer");

    assertThat(id.uri()).isEqualTo(URI.create("spiffe://coffer.example/hospital/datasets/trainer"));
    assertThat(id.segments()).containsExactly("hospital", "datasets", "trainer");
  }

  @Test
  void new_tildeInPolicy_failsNamingCharacterAndField() {
    assertThatThrownBy(() -> new SpiffeId("coffer", "team/~alice", "svc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy")
        .hasMessageContaining("'~'")
        .hasMessageContaining("§2.2");
  }

  @Test
  void new_upperCaseTrustDomain_fails() {
    assertThatThrownBy(() -> new SpiffeId("Coffer", "p", "s"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trustDomain")
        .hasMessageContaining("'C'");
  }

  @Test
  void new_nonAsciiService_failsNamingCodePoint() {
    assertThatThrownBy(() -> new SpiffeId("coffer", "p", "sé"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service")
        .hasMessageContaining("U+00E9");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a//b", "/a", "a/", ".", "a/..", "a/b c"})
  void new_badPolicySegments_fail(String policy) {
    assertThatThrownBy(() -> new SpiffeId("coffer", policy, "svc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("policy");
  }

  @Test
  void new_slashInService_fails() {
    assertThatThrownBy(() -> new SpiffeId("coffer", "p", "a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("service");
  }

  @Test
  void new_longerThan2048Bytes_fails() {
    String policy = ("a".repeat(60) + "/").repeat(34) + "a";

    assertThatThrownBy(() -> new SpiffeId("coffer", policy, "svc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2048");
  }

  @Test
  void parse_ownUri_roundTrips() {
    SpiffeId id = new SpiffeId("td_1.example-x", "a/b.c/D-e_f", "svc");

    assertThat(SpiffeId.parse(id.uri())).isEqualTo(id);
  }

  @Test
  void parse_lastSegmentIsTheService() {
    SpiffeId id = SpiffeId.parse(URI.create("spiffe://coffer/org/team/app/web"));

    assertThat(id.trustDomain()).isEqualTo("coffer");
    assertThat(id.policy()).isEqualTo("org/team/app");
    assertThat(id.service()).isEqualTo("web");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SPIFFE://coffer/p/s",
        "https://coffer/p/s",
        "spiffe:coffer/p/s",
        "spiffe://coffer",
        "spiffe://coffer/",
        "spiffe://coffer/p",
        "spiffe://coffer/p/s/",
        "spiffe://coffer//s",
        "spiffe://coffer/p/./s",
        "spiffe://user@coffer/p/s",
        "spiffe://coffer:443/p/s",
        "spiffe://coffer/p/s?q=1",
        "spiffe://coffer/p/s#f",
        "spiffe://coffer/p/%41",
        "spiffe:///p/s",
        "spiffe://Coffer/p/s",
        "spiffe://coffer/p~x/s"
      })
  void parse_nonConformingIds_fail(String text) {
    assertThatThrownBy(() -> SpiffeId.parse(URI.create(text)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
