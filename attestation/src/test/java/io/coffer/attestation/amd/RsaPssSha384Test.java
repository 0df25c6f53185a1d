package io.coffer.attestation.amd;

import static io.coffer.attestation.amd.SnpVectors.KDS;
import static io.coffer.attestation.amd.SnpVectors.collateral;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.AttestationException.Reason;
import io.coffer.attestation.TrustAnchors;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** AMD's published ARK/ASK/ASVK bundles (KDS {@code cert_chain}) and the signature scheme. */
class RsaPssSha384Test {

  private static Map<String, X509Certificate> byCommonName(String file) throws Exception {
    return collateral(KDS + file).certificates().stream()
        .collect(
            Collectors.toMap(
                c -> CommonName.of(c.getSubjectX500Principal()).orElseThrow(), c -> c));
  }

  private static void verify(X509Certificate c, X509Certificate issuer)
      throws AttestationException {
    RsaPssSha384.verify(
        c.getSigAlgOID(),
        c.getSigAlgParams(),
        tbs(c),
        c.getSignature(),
        issuer.getPublicKey(),
        "test",
        Reason.VCEK_CHAIN_INVALID);
  }

  private static byte[] tbs(X509Certificate c) {
    try {
      return c.getTBSCertificate();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "trustee_milan_ask_ark_asvk.pem, Milan",
    "trustee_genoa_ask_ark_asvk.pem, Genoa",
    "trustee_turin_ask_ark_asvk.pem, Turin"
  })
  void trusteeBundles_haveTheNamedCertificates_signedByTheirArk(String file, String line)
      throws Exception {
    Map<String, X509Certificate> certs = byCommonName(file);
    X509Certificate ark = certs.get("ARK-" + line);

    assertThat(certs.keySet())
        .containsExactlyInAnyOrder("ARK-" + line, "SEV-" + line, "SEV-VLEK-" + line);
    verify(ark, ark);
    verify(certs.get("SEV-" + line), ark);
    verify(certs.get("SEV-VLEK-" + line), ark);
    String fingerprint =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ark.getEncoded()));
    assertThat(fingerprint).isEqualTo(TrustAnchors.AMD_ARK_SHA256.get(line));
    assertThat(TrustAnchors.defaults().amdRoots()).contains(ark);
    assertThat(TrustAnchors.defaults().amdIntermediates())
        .contains(certs.get("SEV-" + line), certs.get("SEV-VLEK-" + line));
  }

  @ParameterizedTest
  @CsvSource({
    "go-sev-guest_ask_ark_milan.pem, ARK-Milan, SEV-Milan",
    "go-sev-guest_ask_ark_milan_vlek.pem, ARK-Milan, SEV-VLEK-Milan",
    "go-sev-guest_ask_ark_genoa.pem, ARK-Genoa, SEV-Genoa",
    "go-sev-guest_ask_ark_genoa_vlek.pem, ARK-Genoa, SEV-VLEK-Genoa",
    "go-sev-guest_ask_ark_turin_vcek.pem, ARK-Turin, SEV-Turin",
    "go-sev-guest_ask_ark_turin_vlek.pem, ARK-Turin, SEV-VLEK-Turin"
  })
  void goSevGuestBundles_areIntermediateThenArk_signedByTheArk(
      String file, String arkName, String intermediateName) throws Exception {
    List<X509Certificate> certs = collateral(KDS + file).certificates();

    assertThat(certs).hasSize(2);
    assertThat(CommonName.of(certs.get(0).getSubjectX500Principal())).contains(intermediateName);
    assertThat(CommonName.of(certs.get(1).getSubjectX500Principal())).contains(arkName);
    verify(certs.get(1), certs.get(1));
    verify(certs.get(0), certs.get(1));
    assertThat(TrustAnchors.defaults().amdRoots()).contains(certs.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"genoa", "turin"})
  void anIntermediate_doesNotVerifyUnderTheMilanArk(String line) throws Exception {
    X509Certificate milanArk = byCommonName("trustee_milan_ask_ark_asvk.pem").get("ARK-Milan");
    String name = Character.toUpperCase(line.charAt(0)) + line.substring(1);
    X509Certificate ask = byCommonName("trustee_" + line + "_ask_ark_asvk.pem").get("SEV-" + name);

    assertThatThrownBy(() -> verify(ask, milanArk))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("does not verify");
  }

  private static void refusedParameters(RSASSAPSSparams params, String message) throws Exception {
    X509Certificate ark = byCommonName("trustee_milan_ask_ark_asvk.pem").get("ARK-Milan");
    byte[] encoded = params.getEncoded(ASN1Encoding.DER);
    assertThatThrownBy(() ->
            RsaPssSha384.verify(
                RsaPssSha384.RSASSA_PSS_OID,
                encoded,
                tbs(ark),
                ark.getSignature(),
                ark.getPublicKey(),
                "ARK",
                Reason.VCEK_CHAIN_INVALID))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining(message);
  }

  private static AlgorithmIdentifier hash(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
    return new AlgorithmIdentifier(oid, DERNull.INSTANCE);
  }

  @ParameterizedTest
  @CsvSource({
    "sha256, 384, 48, 1",
    "sha384, 256, 48, 1",
    "sha384, 384, 32, 1",
    "sha384, 384, 48, 2"
  })
  void otherPssParameters_areRefused(String hash, int mgfHash, int salt, int trailer)
      throws Exception {
    AlgorithmIdentifier h =
        hash(
            hash.equals("sha256")
                ? NISTObjectIdentifiers.id_sha256
                : NISTObjectIdentifiers.id_sha384);
    AlgorithmIdentifier m =
        new AlgorithmIdentifier(
            PKCSObjectIdentifiers.id_mgf1,
            hash(
                mgfHash == 256
                    ? NISTObjectIdentifiers.id_sha256
                    : NISTObjectIdentifiers.id_sha384));
    refusedParameters(
        new RSASSAPSSparams(h, m, new ASN1Integer(salt), new ASN1Integer(trailer)),
        "parameters are not SHA-384");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.840.113549.1.1.12", "1.2.840.113549.1.1.11", "1.2.840.10045.4.3.3"})
  void otherSignatureAlgorithms_areRefused(String oid) throws Exception {
    X509Certificate ark = byCommonName("trustee_milan_ask_ark_asvk.pem").get("ARK-Milan");
    assertThatThrownBy(() ->
            RsaPssSha384.verify(
                oid,
                ark.getSigAlgParams(),
                tbs(ark),
                ark.getSignature(),
                ark.getPublicKey(),
                "ARK",
                Reason.VCEK_CHAIN_INVALID))
        .isInstanceOf(AttestationException.class)
        .hasMessageContaining("not RSASSA-PSS")
        .extracting(e -> ((AttestationException) e).reason())
        .isEqualTo(Reason.VCEK_CHAIN_INVALID);
  }
}
