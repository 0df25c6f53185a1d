package io.coffer.cli.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.TrustAnchors;
import io.coffer.attestation.testing.Vectors;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustRootFileTest {

  @TempDir Path dir;

  private Path write(String name, byte[] content) throws Exception {
    return Files.write(dir.resolve(name), content);
  }

  private Path writeText(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The self-signed certificate (the ARK) of an AMD ASK/ARK bundle. */
  private static X509Certificate milanArk() throws Exception {
    return CertificateFactory.getInstance("X.509")
        .generateCertificates(
            new ByteArrayInputStream(
                Vectors.bytes("snp/amd-kds-cert-chains/go-sev-guest_ask_ark_milan.pem")))
        .stream()
        .map(X509Certificate.class::cast)
        .filter(c -> c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
        .findFirst()
        .orElseThrow();
  }

  private static CommandException refusal(Path file) {
    try {
      TrustRootFile.read(file);
    } catch (CommandException e) {
      return e;
    }
    throw new AssertionError("accepted " + file);
  }

  @Test
  void aSelfSignedIntelCa_inPem_isAnIntelRoot() throws Exception {
    Path file =
        write("root.pem", Vectors.bytes("sgx/intel-qvl-sampledata-sgx/trustedRootCaCert.pem"));

    assertThat(TrustRootFile.read(file)).isInstanceOf(TrustRoot.IntelRoot.class);
  }

  @Test
  void aSelfSignedIntelCa_inDer_isAnIntelRoot() throws Exception {
    Path file = write("root.der", Vectors.bytes("sgx/dcap-qvl-sgx-v3/TrustedRootCA.der"));

    assertThat(TrustRootFile.read(file)).isInstanceOf(TrustRoot.IntelRoot.class);
  }

  @Test
  void anAmdArk_isAnAmdRoot() throws Exception {
    X509Certificate ark = milanArk();
    Path file = writeText("ark.pem", pem("CERTIFICATE", ark.getEncoded()));

    TrustRoot root = TrustRootFile.read(file);

    assertThat(root).isEqualTo(new TrustRoot.AmdRoot(ark));
  }

  @Test
  void anEd25519PublicKey_isASimulatedPlatformsKey() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    Path file =
        writeText(
            "platform.pub",
            "the platform key\n" + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

    TrustRoot root = TrustRootFile.read(file);

    assertThat(root).isInstanceOf(TrustRoot.SimulationKey.class);
    assertThat(root.addTo(TrustAnchors.defaults()).simulationKeys())
        .containsExactly(((TrustRoot.SimulationKey) root).key());
  }

  @Test
  void addAll_addsToThePinnedRoots_neverReplacingThem() throws Exception {
    Path intel =
        write("root.pem", Vectors.bytes("sgx/intel-qvl-sampledata-sgx/trustedRootCaCert.pem"));
    Path amd = writeText("ark.pem", pem("CERTIFICATE", milanArk().getEncoded()));
    TrustAnchors pinned = TrustAnchors.defaults();

    TrustAnchors anchors = TrustRootFile.addAll(pinned, List.of(intel, amd));

    assertThat(anchors.intelRoots()).containsAll(pinned.intelRoots()).hasSize(2);
    assertThat(anchors.amdRoots())
        .containsAll(pinned.amdRoots())
        .hasSize(pinned.amdRoots().size() + 1);
  }

  @Test
  void aLeafCertificate_isRefused() throws Exception {
    Path file = write("leaf.pem", Vectors.bytes("sgx/intel-qvl-sampledata-sgx/pckCert.pem"));

    assertThat(refusal(file).getMessage()).contains("is not a CA certificate");
    assertThat(refusal(file).exitCode()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void anIntermediate_isRefused() throws Exception {
    X509Certificate ask =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(
                    Vectors.bytes("snp/amd-kds-cert-chains/go-sev-guest_ask_ark_milan.pem")))
            .stream()
            .map(X509Certificate.class::cast)
            .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
            .findFirst()
            .orElseThrow();
    Path file = writeText("ask.pem", pem("CERTIFICATE", ask.getEncoded()));

    assertThat(refusal(file).getMessage()).contains("is not self-signed");
  }

  @Test
  void aBundleOfCertificates_isRefused() throws Exception {
    Path file =
        write("chain.pem", Vectors.bytes("snp/amd-kds-cert-chains/go-sev-guest_ask_ark_milan.pem"));

    assertThat(refusal(file).getMessage()).contains("holds 2 PEM blocks");
  }

  @Test
  void aFileWithAPrivateKey_isRefused_withoutEchoingIt() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    String privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
    Path file =
        writeText("platform.pem", privatePem + pem("PUBLIC KEY", pair.getPublic().getEncoded()));

    CommandException e = refusal(file);

    assertThat(e.getMessage()).contains("holds a private key");
    assertThat(e.getMessage()).doesNotContain(privatePem.lines().toList().get(1));
  }

  @Test
  void anotherKindOfPublicKey_isRefused() throws Exception {
    KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
    Path file = writeText("ec.pub", pem("PUBLIC KEY", ec.getPublic().getEncoded()));

    assertThat(refusal(file).getMessage()).contains("not Ed25519");
  }

  @Test
  void bytesAfterACertificate_areRefused() throws Exception {
    byte[] der = Vectors.bytes("sgx/dcap-qvl-sgx-v3/TrustedRootCA.der");
    byte[] longer = java.util.Arrays.copyOf(der, der.length + 1);

    assertThat(refusal(write("root.der", longer)).getMessage())
        .contains("has bytes after the certificate");
  }

  @Test
  void junk_andOtherPemBlocks_andUnterminatedPem_areRefused() throws Exception {
    assertThat(refusal(writeText("junk", "hello")).getMessage())
        .contains("neither an X.509 certificate");
    assertThat(refusal(writeText("crl.pem", pem("X509 CRL", new byte[] {0x30, 0}))).getMessage())
        .contains("is not a trust root");
    assertThat(refusal(writeText("cut.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n")).getMessage())
        .contains("malformed PEM");
  }

  @Test
  void aFileLargerThanAnyRoot_isRefused() throws Exception {
    Path file = write("big", new byte[TrustRootFile.MAX_FILE_BYTES + 1]);

    assertThat(refusal(file).getMessage()).contains("larger than any trust root");
  }

  @Test
  void aMissingFile_isUnreadableInput_namingIt() {
    Path missing = dir.resolve("missing.pem");

    CommandException e = refusal(missing);

    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(e.getMessage()).startsWith("--trust-root " + missing + ": cannot read");
  }

  @Test
  void theMessage_namesTheOptionAndFile() throws Exception {
    Path file = writeText("junk", "hello");

    assertThatThrownBy(() -> TrustRootFile.read(file))
        .hasMessageStartingWith("--trust-root " + file + ": ");
  }
}
