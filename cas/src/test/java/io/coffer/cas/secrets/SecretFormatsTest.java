package io.coffer.cas.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretFormatsTest {

  @Test
  void ascii_formats() {
    assertThat(render(Values.ASCII, Secret.Kind.ASCII, null)).isEqualTo("correct horse");
    assertThat(render(Values.ASCII, Secret.Kind.ASCII, "text")).isEqualTo("correct horse");
    assertThat(render(Values.ASCII, Secret.Kind.ASCII, "hex"))
        .isEqualTo("636f727265637420686f727365");
    assertThat(render(Values.ASCII, Secret.Kind.ASCII, "base64")).isEqualTo("Y29ycmVjdCBob3JzZQ==");
  }

  @Test
  void binary_formats() {
    assertThat(render(Values.BINARY, Secret.Kind.BINARY, null)).isEqualTo("000102ff");
    assertThat(render(Values.BINARY, Secret.Kind.BINARY, "base64")).isEqualTo("AAEC/w==");
  }

  @Test
  void privateKey_formats() {
    byte[] pkcs8 = Values.KEY.key().getEncoded();
    String pem = render(Values.KEY, Secret.Kind.PRIVATE_KEY, null);

    assertThat(pem)
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("-----END PRIVATE KEY-----\n");
    assertThat(pemBody(pem)).isEqualTo(pkcs8);
    assertThat(render(Values.KEY, Secret.Kind.PRIVATE_KEY, "key")).isEqualTo(pem);
    assertThat(Base64.getDecoder().decode(render(Values.KEY, Secret.Kind.PRIVATE_KEY, "der")))
        .isEqualTo(pkcs8);
    String spki = render(Values.KEY, Secret.Kind.PRIVATE_KEY, "spki");
    assertThat(spki).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(pemBody(spki)).isEqualTo(Values.KEY.publicKey().getEncoded());
  }

  @Test
  void certificate_formats() throws Exception {
    X509Certificate leaf = Values.LEAF.certificate();
    String crt = render(Values.LEAF, Secret.Kind.X509, null);

    assertThat(parse(crt)).containsExactly(leaf);
    assertThat(render(Values.LEAF, Secret.Kind.X509, "pem")).isEqualTo(crt);
    assertThat(Base64.getDecoder().decode(render(Values.LEAF, Secret.Kind.X509, "der")))
        .isEqualTo(leaf.getEncoded());
    assertThat(parse(render(Values.LEAF, Secret.Kind.X509, "chain")))
        .containsExactlyElementsOf(Values.LEAF.chain());
    assertThat(pemBody(render(Values.LEAF, Secret.Kind.X509, "key")))
        .isEqualTo(Values.LEAF.key().getEncoded());
    assertThat(pemBody(render(Values.LEAF, Secret.Kind.X509, "spki")))
        .isEqualTo(leaf.getPublicKey().getEncoded());
  }

  @Test
  void ca_chain_isTheCaAlone() throws Exception {
    assertThat(parse(render(Values.CA, Secret.Kind.X509_CA, "chain")))
        .containsExactly(Values.CA.certificate());
  }

  @Test
  void pem_linesAreAtMost64Columns() {
    String pem = render(Values.LEAF, Secret.Kind.X509, "chain");

    assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
    assertThat(pem).doesNotContain("\r");
  }

  @ParameterizedTest
  @EnumSource(Secret.Kind.class)
  void everyFormatOfEveryKind_renders(Secret.Kind kind) {
    for (String format : kind.formats()) {
      assertThat(render(Values.BY_KIND.get(kind), kind, format)).as(format).isNotEmpty();
    }
  }

  @Test
  void unknownFormatForKind_fails() {
    assertThatThrownBy(() -> render(Values.BINARY, Secret.Kind.BINARY, "text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'text'");
    assertThatThrownBy(() -> render(Values.KEY, Secret.Kind.PRIVATE_KEY, "crt"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void valueOfAnotherKind_fails() {
    assertThatThrownBy(() -> render(Values.BINARY, Secret.Kind.ASCII, "text"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String render(SecretValue value, Secret.Kind kind, String format) {
    return SecretFormats.render(value, kind, Optional.ofNullable(format));
  }

  private static byte[] pemBody(String pem) {
    String body = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
    return Base64.getDecoder().decode(body);
  }

  @SuppressWarnings("unchecked")
  private static List<X509Certificate> parse(String pem) throws Exception {
    return List.copyOf(
        (java.util.Collection<X509Certificate>)
            CertificateFactory.getInstance("X.509")
                .generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
  }
}
