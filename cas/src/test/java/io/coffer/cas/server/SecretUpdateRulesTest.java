package io.coffer.cas.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.ClientIdentity;
import io.coffer.cas.http.TestTls;
import io.coffer.policy.governance.Identity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update rules of stored secrets across policy versions (issue 7, "Secrets and PKI"), through
 * the API of a real CAS: every secret is revealed to its creator ({@code reveal_to}), so each
 * version's values can be compared with the previous version's.
 */
class SecretUpdateRulesTest {

  @TempDir static Path dir;

  private static final ClientIdentity ALICE = TestTls.identity(Identity.Type.ED25519, "alice");
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static LoopbackCas cas;

  @BeforeAll
  static void start() throws Exception {
    cas = LoopbackCas.start(dir);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  /** One secret of a policy version: its name, kind and the lines that follow {@code kind}. */
  private record Def(String name, String kind, String extra) {}

  private static Def def(String name, String kind, String... lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append("    ").append(l).append('\n');
    }
    return new Def(name, kind, b.toString());
  }

  private static String policy(String name, List<Def> secrets) {
    StringBuilder b = new StringBuilder("name: " + name + "\nversion: 1\nsecrets:\n");
    for (Def d : secrets) {
      b.append("  - name: ")
          .append(d.name())
          .append("\n    kind: ")
          .append(d.kind())
          .append('\n')
          .append(d.extra())
          .append("    reveal_to:\n      - ")
          .append(ALICE.key().identity())
          .append('\n');
    }
    return b.toString();
  }

  private static String newName() {
    return "rules/p" + NAMES.incrementAndGet();
  }

  private static Map<String, String> reveal(String policy, String secret) throws Exception {
    return cas.as(ALICE).reveal(policy, secret);
  }

  private static Map<String, Map<String, String>> revealAll(String policy, List<Def> secrets)
      throws Exception {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Def d : secrets) {
      out.put(d.name(), reveal(policy, d.name()));
    }
    return out;
  }

  private static X509Certificate certificate(String pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void asciiAndBinary_areKept_whileNameAndKindStay() throws Exception {
    String name = newName();
    List<Def> v1 =
        List.of(
            def("text", "ascii", "size: 24"),
            def("bytes", "binary", "size: 32"),
            def("retyped", "ascii", "size: 16"));
    cas.create(ALICE, policy(name, v1));
    Map<String, Map<String, String>> before = revealAll(name, v1);

    // A new size does not change the kind: the value stays. A new kind is a new secret.
    List<Def> v2 =
        List.of(
            def("text", "ascii", "size: 40"),
            def("bytes", "binary", "size: 32"),
            def("retyped", "binary", "size: 16"));
    cas.update(ALICE, name, policy(name, v2));
    Map<String, Map<String, String>> after = revealAll(name, v2);

    assertThat(after.get("text")).isEqualTo(before.get("text"));
    assertThat(after.get("bytes")).isEqualTo(before.get("bytes"));
    assertThat(after.get("retyped").get("kind")).isEqualTo("binary");
    assertThat(after.get("retyped").get("value")).isNotEqualTo(before.get("retyped").get("value"));
  }

  @Test
  void privateKey_isKept_onlyWithMigrateInBothVersions() throws Exception {
    String name = newName();
    List<Def> v1 =
        List.of(
            def("tt", "private-key", "migrate: true"),
            def("tf", "private-key", "migrate: true"),
            def("ft", "private-key", "migrate: false"),
            def("ff", "private-key"));
    cas.create(ALICE, policy(name, v1));
    Map<String, Map<String, String>> before = revealAll(name, v1);
    List<Def> v2 =
        List.of(
            def("tt", "private-key", "migrate: true"),
            def("tf", "private-key", "migrate: false"),
            def("ft", "private-key", "migrate: true"),
            def("ff", "private-key"));
    cas.update(ALICE, name, policy(name, v2));
    Map<String, Map<String, String>> after = revealAll(name, v2);

    assertThat(after.get("tt").get("private_key")).isEqualTo(before.get("tt").get("private_key"));
    for (String changed : List.of("tf", "ft", "ff")) {
      assertThat(after.get(changed).get("private_key"))
          .as(changed)
          .startsWith("-----BEGIN PRIVATE KEY-----")
          .isNotEqualTo(before.get(changed).get("private_key"));
    }
  }

  @Test
  void x509_isIssuedAgain_andKeepsItsKey_onlyWithMigrateInBothVersions() throws Exception {
    String name = newName();
    List<Def> v1 =
        List.of(
            def("ca", "x509-ca", "common_name: Rules CA"),
            def("tt", "x509", "issuer: ca", "common_name: tt.example", "migrate: true"),
            def("tf", "x509", "common_name: tf.example", "migrate: true"),
            def("ft", "x509", "issuer: ca", "common_name: ft.example"),
            def("ff", "x509", "common_name: ff.example"));
    cas.create(ALICE, policy(name, v1));
    Map<String, Map<String, String>> before = revealAll(name, v1);
    List<Def> v2 =
        List.of(
            def("ca", "x509-ca", "common_name: Rules CA"),
            def("tt", "x509", "issuer: ca", "common_name: tt.example", "migrate: true"),
            def("tf", "x509", "common_name: tf.example"),
            def("ft", "x509", "issuer: ca", "common_name: ft.example", "migrate: true"),
            def("ff", "x509", "common_name: ff.example"));
    cas.update(ALICE, name, policy(name, v2));
    Map<String, Map<String, String>> after = revealAll(name, v2);

    for (String s : List.of("tt", "tf", "ft", "ff")) {
      X509Certificate old = certificate(before.get(s).get("value"));
      X509Certificate now = certificate(after.get(s).get("value"));
      assertThat(now.getSerialNumber())
          .as(s + ": a new certificate")
          .isNotEqualTo(old.getSerialNumber());
      assertThat(now.getSubjectX500Principal()).isEqualTo(old.getSubjectX500Principal());
      if (s.equals("tt")) {
        assertThat(now.getPublicKey()).as(s).isEqualTo(old.getPublicKey());
        assertThat(after.get(s).get("private_key")).isEqualTo(before.get(s).get("private_key"));
      } else {
        assertThat(now.getPublicKey()).as(s).isNotEqualTo(old.getPublicKey());
        assertThat(after.get(s).get("private_key")).isNotEqualTo(before.get(s).get("private_key"));
      }
    }
    // The certificate issued by the policy's CA again verifies with that CA.
    X509Certificate ca = certificate(after.get("ca").get("value"));
    certificate(after.get("tt").get("value")).verify(ca.getPublicKey());
  }

  @Test
  void values_areTheSame_afterARestartOnTheSameDataDirectory() throws Exception {
    String name = newName();
    List<Def> v1 =
        List.of(
            def("text", "ascii", "size: 24"),
            def("bytes", "binary", "size: 32"),
            def("key", "private-key", "migrate: true"),
            def("cert", "x509", "common_name: cert.example", "migrate: true"));
    cas.create(ALICE, policy(name, v1));
    Map<String, Map<String, String>> v1Values = revealAll(name, v1);
    cas.restart();
    assertThat(revealAll(name, v1)).isEqualTo(v1Values);

    // A second version: carried values and the certificate issued for it survive a restart too.
    List<Def> v2 =
        List.of(
            def("text", "ascii", "size: 24"),
            def("bytes", "binary", "size: 32"),
            def("key", "private-key", "migrate: true"),
            def("cert", "x509", "common_name: cert2.example", "migrate: true"));
    cas.update(ALICE, name, policy(name, v2));
    Map<String, Map<String, String>> v2Values = revealAll(name, v2);
    cas.restart();

    assertThat(revealAll(name, v2)).isEqualTo(v2Values);
    assertThat(v2Values.get("text")).isEqualTo(v1Values.get("text"));
    assertThat(v2Values.get("key")).isEqualTo(v1Values.get("key"));
    assertThat(v2Values.get("cert").get("value")).isNotEqualTo(v1Values.get("cert").get("value"));
  }

  @Test
  void secretRemovedInAMiddleVersion_isMadeAnew() throws Exception {
    String name = newName();
    List<Def> with =
        List.of(
            def("stays", "ascii", "size: 24"),
            def("gone", "ascii", "size: 24"),
            def("gone-key", "private-key", "migrate: true"));
    cas.create(ALICE, policy(name, with));
    Map<String, Map<String, String>> v1 = revealAll(name, with);
    cas.update(ALICE, name, policy(name, List.of(def("stays", "ascii", "size: 24"))));
    assertThat(reveal(name, "stays")).isEqualTo(v1.get("stays"));
    // Back in version 3, under the same name and kind: a new value all the same.
    cas.update(ALICE, name, policy(name, with));
    Map<String, Map<String, String>> v3 = revealAll(name, with);

    assertThat(v3.get("stays")).isEqualTo(v1.get("stays"));
    assertThat(v3.get("gone").get("value")).isNotEqualTo(v1.get("gone").get("value"));
    assertThat(v3.get("gone-key").get("private_key"))
        .isNotEqualTo(v1.get("gone-key").get("private_key"));
    assertThat(cas.as(ALICE).history(name)).hasSize(3);
  }
}
