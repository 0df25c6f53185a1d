package io.coffer.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustAnchorsTest {

  private static String sha256(X509Certificate c) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
  }

  @Test
  void defaults_holdExactlyThePinnedIntelRoot() throws Exception {
    List<X509Certificate> roots = TrustAnchors.defaults().intelRoots();

    assertThat(roots).hasSize(1);
    assertThat(sha256(roots.get(0))).isEqualTo(TrustAnchors.INTEL_SGX_ROOT_CA_SHA256);
    assertThat(roots.get(0).getSubjectX500Principal().getName()).contains("Intel SGX Root CA");
  }

  @Test
  void defaults_holdThePinnedArkOfEachProductLine_andTheirIntermediates() throws Exception {
    TrustAnchors anchors = TrustAnchors.defaults();
    List<String> fingerprints =
        anchors.amdRoots().stream().map(TrustAnchorsTest::fingerprint).toList();

    assertThat(fingerprints)
        .containsExactlyInAnyOrderElementsOf(TrustAnchors.AMD_ARK_SHA256.values());
    assertThat(anchors.amdIntermediates()).hasSize(6);
    for (X509Certificate intermediate : anchors.amdIntermediates()) {
      assertThat(
              anchors.amdRoots().stream()
                  .anyMatch(ark ->
                      ark.getSubjectX500Principal().equals(intermediate.getIssuerX500Principal())))
          .as("%s is issued by a shipped ARK", intermediate.getSubjectX500Principal())
          .isTrue();
    }
  }

  @Test
  void defaults_trustNoSimulatedPlatform() {
    assertThat(TrustAnchors.defaults().simulationKeys()).isEmpty();
  }

  @Test
  void with_returnsNewAnchors_andLeavesTheDefaultsAlone() throws Exception {
    TrustAnchors defaults = TrustAnchors.defaults();
    X509Certificate amdRoot = defaults.amdRoots().get(0);
    PublicKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();

    TrustAnchors more = defaults.withIntelRoot(amdRoot).withSimulationKey(key);
    TrustAnchors replaced = defaults.withIntelRootsReplacedBy(List.of(amdRoot));

    assertThat(more.intelRoots()).hasSize(2).contains(amdRoot);
    assertThat(more.simulationKeys()).containsExactly(key);
    assertThat(replaced.intelRoots()).containsExactly(amdRoot);
    assertThat(defaults.intelRoots()).hasSize(1).doesNotContain(amdRoot);
    assertThat(defaults.simulationKeys()).isEmpty();
    assertThat(TrustAnchors.defaults()).isSameAs(defaults);
  }

  private static String fingerprint(X509Certificate c) {
    try {
      return sha256(c);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
