package io.coffer.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.policy.governance.ApprovalMessage;
import io.coffer.policy.governance.ClientCertificate;
import io.coffer.policy.governance.Evaluation;
import io.coffer.policy.governance.Governance;
import io.coffer.policy.governance.Identity;
import io.coffer.policy.governance.IdentityKey;
import io.coffer.policy.governance.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code coffer identity create}: key, identity string and client certificate on disk. */
class CreateIdentityCommandTest {

  private static final ApprovalMessage MESSAGE =
      new ApprovalMessage("hospital/patients", "ab".repeat(32), Optional.of("cd".repeat(32)));

  @TempDir Path tmp;

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  private CliRun create(Path dir, String... more) {
    String[] args =
        Stream.concat(Stream.of("identity", "create", "--out", dir.toString()), Stream.of(more))
            .toArray(String[]::new);
    return CliRun.run(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void create_writesKeyIdentityAndCertificate_ofTheChosenType(String type) throws Exception {
    Path dir = tmp.resolve("alice");

    CliRun run = create(dir, "--type", type);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    Identity identity = Identity.parse(run.out().strip());
    assertThat(identity.toString()).startsWith(type + ":");
    assertThat(run.out()).isEqualTo(identity + "\n");
    assertThat(Files.readString(dir.resolve("identity.txt"))).isEqualTo(identity + "\n");
    IdentityKey key = IdentityKey.fromPem(Files.readString(dir.resolve("key.pem")));
    assertThat(key.identity()).isEqualTo(identity);
    ClientCertificate certificate =
        ClientCertificate.fromPem(Files.readString(dir.resolve("cert.pem")));
    assertThat(certificate.keyIdentity()).isEqualTo(identity);
  }

  @Test
  void create_defaultsToEd25519() {
    CliRun run = create(tmp.resolve("d"));

    assertThat(run.out()).startsWith("ed25519:");
  }

  @Test
  void create_keyFileIsOwnerOnly_andANewDirectoryToo() throws Exception {
    Path dir = tmp.resolve("new").resolve("alice");

    assertThat(create(dir).exitCode()).isEqualTo(ExitCode.OK);

    assertThat(mode(dir.resolve("key.pem"))).isEqualTo("rw-------");
    assertThat(mode(dir)).isEqualTo("rwx------");
    assertThat(mode(dir.resolve("identity.txt")).substring(3)).doesNotContain("w");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("key.pem", "identity.txt", "cert.pem");
    }
  }

  @Test
  void create_inAnExistingDirectory_leavesItsModeAlone() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(create(dir).exitCode()).isEqualTo(ExitCode.OK);

    assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
    assertThat(mode(dir.resolve("key.pem"))).isEqualTo("rw-------");
  }

  @Test
  void create_twice_refusesToOverwrite_andKeepsTheKey() throws Exception {
    Path dir = tmp.resolve("alice");
    create(dir);
    String key = Files.readString(dir.resolve("key.pem"));
    String cert = Files.readString(dir.resolve("cert.pem"));

    CliRun again = create(dir);

    assertThat(again.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err())
        .isEqualTo(
            "coffer identity create: "
                + dir.resolve("key.pem")
                + " already exists: refusing to overwrite an identity (choose another --out)\n");
    assertThat(again.out()).isEmpty();
    assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo(key);
    assertThat(Files.readString(dir.resolve("cert.pem"))).isEqualTo(cert);
  }

  @ParameterizedTest
  @ValueSource(strings = {"key.pem", "identity.txt", "cert.pem"})
  void create_withAnyIdentityFilePresent_refuses_andWritesNothing(String present) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("partial"));
    Files.writeString(dir.resolve(present), "mine\n");

    CliRun run = create(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains(present + " already exists");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve(present));
    }
  }

  @Test
  void create_whereAFileIs_isAUsageError() throws Exception {
    Path file = Files.writeString(tmp.resolve("file"), "x");

    CliRun run = create(file);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not a directory");
  }

  @Test
  void create_unknownType_isAUsageError() {
    CliRun run = create(tmp.resolve("x"), "--type", "rsa");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("'rsa' is not one of ed25519, p256");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  @Test
  void create_badName_isAUsageError() {
    CliRun run = create(tmp.resolve("x"), "--name", "a\nb");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--name: 1 to 64 printable ASCII characters");
  }

  @Test
  void certificate_isAClientCertificate_namedByDefaultAfterTheFingerprint() throws Exception {
    Path dir = tmp.resolve("alice");
    Instant before = Instant.now();
    CliRun run = create(dir);
    Identity identity = Identity.parse(run.out().strip());

    X509Certificate cert =
        ClientCertificate.fromPem(Files.readString(dir.resolve("cert.pem"))).certificate();

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + identity.fingerprint());
    assertThat(cert.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(cert.getKeyUsage()[0]).isTrue();
    Duration validity = Duration.between(before, cert.getNotAfter().toInstant());
    assertThat(validity)
        .isBetween(Duration.ofDays(365).minusMinutes(1), Duration.ofDays(365).plusMinutes(1));
    assertThat(cert.getNotBefore().toInstant()).isBefore(before);
  }

  @Test
  void certificate_takesTheNameGiven() throws Exception {
    Path dir = tmp.resolve("alice");
    create(dir, "--name", "Alice (data owner)");

    X509Certificate cert =
        ClientCertificate.fromPem(Files.readString(dir.resolve("cert.pem"))).certificate();

    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=Alice (data owner)");
  }

  @Test
  void json_namesTheIdentityTheCertificateIdentityAndTheDirectory() throws Exception {
    Path dir = tmp.resolve("alice");

    CliRun run = create(dir, "--json");

    JsonNode json = new ObjectMapper().readTree(run.out());
    ClientCertificate certificate =
        ClientCertificate.fromPem(Files.readString(dir.resolve("cert.pem")));
    assertThat(json.get("identity").asText())
        .isEqualTo(Files.readString(dir.resolve("identity.txt")).strip());
    assertThat(json.get("certificateSha256Identity").asText())
        .isEqualTo(certificate.identity().toString())
        .startsWith("cert-sha256:");
    assertThat(json.get("dir").asText()).isEqualTo(dir.toString());
    assertThat(json.size()).isEqualTo(3);
  }

  @Test
  void output_neverContainsThePrivateKey() throws Exception {
    Path dir = tmp.resolve("alice");
    CliRun text = create(dir);
    CliRun json = create(tmp.resolve("bob"), "--json");
    String aliceKey = Files.readString(dir.resolve("key.pem")).lines().toList().get(1);
    String bobKey = Files.readString(tmp.resolve("bob").resolve("key.pem")).lines().toList().get(1);

    assertThat(text.out() + text.err())
        .doesNotContain("PRIVATE")
        .doesNotContain(aliceKey.substring(16, 40));
    assertThat(json.out() + json.err())
        .doesNotContain("PRIVATE")
        .doesNotContain(bobKey.substring(16, 40));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void createdKey_approvals_satisfyARuleNamingItsIdentity(String type) throws Exception {
    Path dir = tmp.resolve("alice");
    create(dir, "--type", type);
    IdentityKey key = IdentityKey.fromPem(Files.readString(dir.resolve("key.pem")));
    Identity named = Identity.parse(Files.readString(dir.resolve("identity.txt")).strip());

    Evaluation evaluation =
        Governance.evaluate(Rule.identity(named), List.of(key.approve(MESSAGE)), named, MESSAGE);

    assertThat(evaluation.satisfied()).isTrue();
    assertThat(evaluation.approvedBy()).containsExactly(named);
  }

  @Test
  void createdCertificate_signsForItsCertSha256Identity() throws Exception {
    Path dir = tmp.resolve("alice");
    JsonNode json = new ObjectMapper().readTree(create(dir, "--json", "--type", "p256").out());
    IdentityKey key = IdentityKey.fromPem(Files.readString(dir.resolve("key.pem")));
    ClientCertificate certificate =
        ClientCertificate.fromPem(Files.readString(dir.resolve("cert.pem")));
    Identity named = Identity.parse(json.get("certificateSha256Identity").asText());

    Evaluation evaluation =
        Governance.evaluate(
            Rule.identity(named),
            List.of(
                io.coffer.policy.governance.Approval.sign(key.privateKey(), certificate, MESSAGE)),
            named,
            MESSAGE);

    assertThat(evaluation.satisfied()).isTrue();
  }
}
