package io.coffer.cli.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.policy.governance.Identity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code coffer identity show}: the identity of a key, checked against its companions. */
class ShowIdentityCommandTest {

  @TempDir Path tmp;

  private Path created(String name, String type) {
    Path dir = tmp.resolve(name);
    CliRun run = CliRun.run("identity", "create", "--out", dir.toString(), "--type", type);
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    return dir;
  }

  private static CliRun show(Path dir, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "identity";
    args[1] = "show";
    args[2] = dir.toString();
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.run(args);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ed25519", "p256"})
  void show_afterCreate_printsTheSameIdentity(String type) throws Exception {
    Path dir = created("alice", type);

    CliRun run = show(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo(Files.readString(dir.resolve("identity.txt")));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void show_withTheKeyAlone_derivesTheIdentity() throws Exception {
    Path dir = created("alice", "ed25519");
    String expected = Files.readString(dir.resolve("identity.txt"));
    Files.delete(dir.resolve("identity.txt"));
    Files.delete(dir.resolve("cert.pem"));

    CliRun run = show(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo(expected);
  }

  @Test
  void show_json_includesTheCertificateIdentity() throws Exception {
    Path dir = created("alice", "p256");

    JsonNode json = new ObjectMapper().readTree(show(dir, "--json").out());

    assertThat(json.get("identity").asText())
        .isEqualTo(Files.readString(dir.resolve("identity.txt")).strip());
    assertThat(json.get("certificateSha256Identity").asText()).startsWith("cert-sha256:");
    assertThat(json.get("dir").asText()).isEqualTo(dir.toString());
  }

  @Test
  void show_identityFileOfAnotherKey_isRefused() throws Exception {
    Path alice = created("alice", "ed25519");
    Path bob = created("bob", "ed25519");
    Files.copy(
        bob.resolve("identity.txt"),
        alice.resolve("identity.txt"),
        StandardCopyOption.REPLACE_EXISTING);
    Identity bobIdentity = Identity.parse(show(bob).out().strip());

    CliRun run = show(alice);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith("coffer identity show: " + alice.resolve("identity.txt") + " names ")
        .contains(bobIdentity.shortForm())
        .contains(", but " + alice.resolve("key.pem") + " is the key of ");
  }

  @Test
  void show_certificateOfAnotherKey_isRefused() throws Exception {
    Path alice = created("alice", "ed25519");
    Path bob = created("bob", "p256");
    Files.copy(
        bob.resolve("cert.pem"), alice.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);

    CliRun run = show(alice);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(alice.resolve("cert.pem") + " certifies p256:")
        .contains(", but " + alice.resolve("key.pem") + " is the key of ed25519:");
  }

  @Test
  void show_malformedIdentityFile_isRefused() throws Exception {
    Path dir = created("alice", "ed25519");
    Files.writeString(dir.resolve("identity.txt"), "ed25519:not-a-key\n");

    CliRun run = show(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(dir.resolve("identity.txt") + ": identity \"ed25519:not-a-key\"");
  }

  @Test
  void show_missingKey_isAnInputError() {
    CliRun run = show(tmp.resolve("nobody"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .isEqualTo(
            "coffer identity show: "
                + tmp.resolve("nobody").resolve("key.pem")
                + ": no such file\n");
  }

  @Test
  void show_malformedKey_isAnInputError() throws Exception {
    Path dir = created("alice", "ed25519");
    Files.writeString(dir.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\n");

    CliRun run = show(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains(
            dir.resolve("key.pem")
                + ": a PEM \"EC PRIVATE KEY\" block where a PRIVATE KEY was expected");
  }

  @Test
  void show_hugeKeyFile_isRefusedUnread() throws Exception {
    Path dir = created("alice", "ed25519");
    Files.write(dir.resolve("key.pem"), new byte[1 << 20]);

    CliRun run = show(dir);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("larger than 16384 bytes");
  }
}
