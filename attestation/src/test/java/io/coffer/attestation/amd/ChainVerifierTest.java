package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.GSG;
import static io.coffer.attestation.amd.SnpVectors.KDS;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VCEK;
import static io.coffer.attestation.amd.SnpVectors.TRUSTEE_VLEK;
import static io.coffer.attestation.amd.SnpVectors.VCEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.VLEK_TIME;
import static io.coffer.attestation.amd.SnpVectors.bytes;
import static io.coffer.attestation.amd.SnpVectors.certificate;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.collateral.CollateralParser;
import io.coffer.attestation.internal.BoundedCache;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.bouncycastle.asn1.DERIA5String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChainVerifierTest {

  private final BoundedCache<String, VerifiedChain> cache = new BoundedCache<>(8);
  private final ChainVerifier chains = new ChainVerifier(TrustAnchors.defaults(), cache);

  private static void fails(ThrowingCallable call, Reason reason, String message) {
    assertThatThrownBy(call)
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(reason);
  }

  private static List<X509Certificate> certs(String... paths) throws AttestationException {
    return collateral(paths).certificates();
  }

  @Test
  void goSevGuestVcek_chainsThroughTheShippedAsk_toThePinnedMilanArk() throws Exception {
    VerifiedChain c = chains.verify(certificate(GSG + "vcek.testcer"), List.of(), VCEK_TIME);

    assertThat(c.product()).isEqualTo(ProductLine.MILAN);
    assertThat(CommonName.of(c.intermediate().getSubjectX500Principal())).contains("SEV-Milan");
    assertThat(CommonName.of(c.ark().getSubjectX500Principal())).contains("ARK-Milan");
    assertThat(TrustAnchors.defaults().amdRoots()).contains(c.ark());
    assertThat(c.validFrom()).isEqualTo(Instant.parse("2022-09-24T00:55:28Z"));
    assertThat(c.validUntil()).isEqualTo(Instant.parse("2029-09-24T00:55:28Z"));
  }

  @Test
  void goSevGuestVcek_verifiesAtTheSourcesInstant_withItsAskArkBundle() throws Exception {
    VerifiedChain c =
        chains.verify(
            certificate(GSG + "vcek.testcer"),
            certs(GSG + "ask_ark_milan.pem"),
            SnpVectors.GSG_VCEK_TIME);

    assertThat(c.leaf().productName()).isEqualTo("Milan-B0");
  }

  @Test
  void trusteeVcek_picksTheAskFromABundleWithTheAsvk() throws Exception {
    VerifiedChain c =
        chains.verify(
            certificate(TRUSTEE_VCEK + "test-vcek.der"),
            certs(TRUSTEE_VCEK + "milan_ask_ark_asvk.pem"),
            VCEK_TIME);

    assertThat(CommonName.of(c.intermediate().getSubjectX500Principal())).contains("SEV-Milan");
  }

  @Test
  void trusteeVlek_chainsThroughTheAsvk() throws Exception {
    VerifiedChain c =
        chains.verify(
            certificate(TRUSTEE_VLEK + "test-vlek.der"),
            certs(TRUSTEE_VLEK + "milan_ask_ark_asvk.pem"),
            VLEK_TIME);

    assertThat(c.leaf().kind()).isEqualTo(SigningKey.VLEK);
    assertThat(CommonName.of(c.intermediate().getSubjectX500Principal()))
        .contains("SEV-VLEK-Milan");
  }

  @Test
  void trusteeVcek_withTheAsvkInPlaceOfTheAsk_fails() throws Exception {
    X509Certificate asvk =
        certs(TRUSTEE_VCEK + "milan_ask_ark_asvk.pem").stream()
            .filter(c ->
                CommonName.of(c.getSubjectX500Principal()).orElseThrow().equals("SEV-VLEK-Milan"))
            .findFirst()
            .orElseThrow();
    X509Certificate vcek = certificate(TRUSTEE_VCEK + "test-vcek.der");

    fails(
        () -> chains.verify(vcek, List.of(vcek, asvk), VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "an ASK issues VCEKs only, an ASVK VLEKs only");
  }

  @Test
  void vlek_withOnlyAnAsk_fails() throws Exception {
    fails(
        () ->
            chains.verify(
                certificate(TRUSTEE_VLEK + "test-vlek.der"),
                certs(KDS + "go-sev-guest_ask_ark_milan.pem"),
                VLEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VLEK-Milan, which is not among the collateral [SEV-Milan, ARK-Milan]"
            .replace(", ARK-Milan", ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "go-sev-guest_ask_ark_genoa.pem",
        "go-sev-guest_ask_ark_turin_vcek.pem",
        "trustee_genoa_ask_ark_asvk.pem"
      })
  void milanVcek_withTheChainOfAnotherProductLine_fails(String bundle) throws Exception {
    fails(
        () -> chains.verify(certificate(GSG + "vcek.testcer"), certs(KDS + bundle), VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "is issued by SEV-Milan, which is not among the collateral");
  }

  @Test
  void trusteeVcek_byte42Tampered_failsTheChain() throws Exception {
    byte[] tampered = SnpVectors.plusOne(bytes(TRUSTEE_VCEK + "test-vcek.der"), 42);
    X509Certificate lenient = SnpVectors.lenientCertificate(tampered);

    fails(
        () -> chains.verify(lenient, List.of(), VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VCEK signed by SEV-Milan");
    fails(
        () -> CollateralParser.parse("tampered.der", tampered),
        Reason.COLLATERAL_MALFORMED,
        "tampered.der");
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-vcek-invalid-legacy.der", "test-vcek-invalid-new.der"})
  void trusteeInvalidVceks_parse_butDoNotChain(String file) throws Exception {
    X509Certificate vcek = certificate(TRUSTEE_VCEK + file);

    assertThat(EndorsementKey.parse(vcek).kind()).isEqualTo(SigningKey.VCEK);
    fails(
        () -> chains.verify(vcek, certs(TRUSTEE_VCEK + "milan_ask_ark_asvk.pem"), VCEK_TIME),
        Reason.VCEK_CHAIN_INVALID,
        "does not verify");
  }

  @Test
  void vlek_afterItsNotAfter_failsTheChain() throws Exception {
    X509Certificate vlek = certificate(TRUSTEE_VLEK + "test-vlek.der");

    fails(
        () -> chains.verify(vlek, List.of(), Instant.parse("2026-11-21T00:00:00Z")),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VLEK is valid from 2024-12-10T22:14:21Z until 2025-12-10T22:14:21Z");
    fails(
        () -> chains.verify(vlek, List.of(), Instant.parse("2025-12-10T22:14:22Z")),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VLEK");
    assertThat(chains.verify(vlek, List.of(), Instant.parse("2025-12-10T22:14:21Z")).leaf().kind())
        .isEqualTo(SigningKey.VLEK);
  }

  @Test
  void vcek_beforeItsNotBefore_isNotYetValid() throws Exception {
    fails(
        () ->
            chains.verify(
                certificate(GSG + "vcek.testcer"),
                List.of(),
                Instant.parse("2022-09-24T00:55:27Z")),
        Reason.VCEK_CHAIN_INVALID,
        "not at 2022-09-24T00:55:27Z");
  }

  @Test
  void aVerifiedChain_isCached_butItsDatesAreCheckedEveryTime() throws Exception {
    X509Certificate vlek = certificate(TRUSTEE_VLEK + "test-vlek.der");
    VerifiedChain first = chains.verify(vlek, List.of(), VLEK_TIME);
    VerifiedChain second = chains.verify(vlek, List.of(), VLEK_TIME.plusSeconds(60));

    assertThat(second).isSameAs(first);
    assertThat(second.leafKey()).isSameAs(first.leafKey());
    assertThat(cache.size()).isEqualTo(1);
    fails(
        () -> chains.verify(vlek, List.of(), Instant.parse("2026-01-01T00:00:00Z")),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VLEK");
  }

  @Test
  void theCache_isBounded() throws Exception {
    BoundedCache<String, VerifiedChain> small = new BoundedCache<>(1);
    ChainVerifier v = new ChainVerifier(TrustAnchors.defaults(), small);
    v.verify(certificate(GSG + "vcek.testcer"), List.of(), VCEK_TIME);
    v.verify(certificate(TRUSTEE_VCEK + "test-vcek.der"), List.of(), VCEK_TIME);

    assertThat(small.size()).isEqualTo(1);
  }

  @Test
  void aChainToAnUnpinnedArk_fails_untilTheCallerTrustsIt() throws Exception {
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.GENOA,
            SigningKey.VCEK,
            TcbVersion.decode(ReportBuilder.milanTcb(1, 0, 2, 3), ProductLine.GENOA, "t"),
            new byte[64]);

    fails(
        () -> chains.verify(pki.leaf(), pki.collateral().certificates(), TestAmdPki.AT),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-Genoa is issued by ARK-Genoa, which is not a pinned AMD ARK");
    VerifiedChain trusted =
        new ChainVerifier(pki.anchors(), cache)
            .verify(pki.leaf(), pki.collateral().certificates(), TestAmdPki.AT);
    assertThat(trusted.product()).isEqualTo(ProductLine.GENOA);
    assertThat(trusted.ark()).isEqualTo(pki.ark());
  }

  @Test
  void aLeafNamingAnotherProductLineThanItsIssuer_fails() throws Exception {
    TcbVersion tcb = TcbVersion.decode(ReportBuilder.milanTcb(1, 0, 2, 3), ProductLine.MILAN, "t");
    Map<String, byte[]> ext =
        TestAmdPki.leafExtensions(ProductLine.MILAN, SigningKey.VCEK, tcb, new byte[64]);
    ext.put(EndorsementKey.PRODUCT_NAME, new DERIA5String("Genoa-B1").getEncoded());
    TestAmdPki.Chain pki =
        TestAmdPki.chain(
            ProductLine.MILAN, SigningKey.VCEK, ext, TestAmdPki.NOT_BEFORE, TestAmdPki.NOT_AFTER);

    fails(
        () ->
            new ChainVerifier(pki.anchors(), cache)
                .verify(pki.leaf(), pki.collateral().certificates(), TestAmdPki.AT),
        Reason.VCEK_CHAIN_INVALID,
        "SEV-VCEK for Genoa-B1 must be issued by SEV-Genoa, not SEV-Milan");
  }

  @Test
  void aVcekIssuedByAnAsvk_fails() throws Exception {
    TcbVersion tcb = TcbVersion.decode(ReportBuilder.milanTcb(1, 0, 2, 3), ProductLine.MILAN, "t");
    Map<String, byte[]> ext =
        TestAmdPki.leafExtensions(ProductLine.MILAN, SigningKey.VCEK, tcb, new byte[64]);
    // A VLEK-issuing chain (ASVK) whose leaf claims to be a VCEK.
    TestAmdPki.Chain pki =
        TestAmdPki.chainWithLeafName(ProductLine.MILAN, SigningKey.VLEK, SigningKey.VCEK, ext);

    fails(
        () ->
            new ChainVerifier(pki.anchors(), cache)
                .verify(pki.leaf(), pki.collateral().certificates(), TestAmdPki.AT),
        Reason.VCEK_CHAIN_INVALID,
        "an ASVK cannot issue a VCEK");
  }
}
