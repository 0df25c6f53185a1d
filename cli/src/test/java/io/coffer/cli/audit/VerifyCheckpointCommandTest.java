package io.coffer.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CliRun;
import io.coffer.ledger.checkpoint.CheckpointSigner;
import io.coffer.ledger.merkle.TreeHasher;
import io.coffer.ledger.merkle.TreeHead;
import io.coffer.ledger.note.Ed25519NoteSigner;
import io.coffer.ledger.testing.TestVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyCheckpointCommandTest {

  /** The real sum.golang.org checkpoint of transparency-dev/formats, with its log key. */
  private static final JsonNode SUMDB =
      TestVectors.json("transparency-dev-formats.json").get("checkpoint_notes").get(0);

  @TempDir Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void realSumDbCheckpoint_isValid_andPrinted() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());

    CliRun run =
        CliRun.run(
            "audit", "verify-checkpoint", cp.toString(), "--key", SUMDB.get("log_vkey").asText());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out())
        .contains("origin go.sum database tree")
        .contains("size 6476701")
        .contains("root mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=")
        .contains("signed by sum.golang.org+033de0ae");
  }

  @Test
  void json_carriesOriginSizeRootAndSigners() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());

    CliRun run =
        CliRun.run(
            "audit",
            "verify-checkpoint",
            cp.toString(),
            "--key",
            SUMDB.get("log_vkey").asText(),
            "--json");

    JsonNode out = new ObjectMapper().readTree(run.out());
    assertThat(out.get("valid").asBoolean()).isTrue();
    assertThat(out.get("size").asLong()).isEqualTo(6476701);
    assertThat(out.get("signedBy").get(0).asText()).isEqualTo("sum.golang.org+033de0ae");
  }

  @Test
  void changedSize_isABadSignature() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText().replace("6476701", "6476702"));

    CliRun run =
        CliRun.run(
            "audit",
            "verify-checkpoint",
            cp.toString(),
            "--key",
            SUMDB.get("log_vkey").asText(),
            "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(new ObjectMapper().readTree(run.out()).get("reason").asText())
        .isEqualTo("INVALID_SIGNATURE");
  }

  @Test
  void otherKey_isNotSigned_namingTheKey() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());
    String otherKey =
        TestVectors.json("c2sp-spec-examples.json")
            .get("signed_note_verifiable_example")
            .get("vkey")
            .asText();

    CliRun run = CliRun.run("audit", "verify-checkpoint", cp.toString(), "--key", otherKey);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("not signed by example.com/foo+530d903a").hasLineCount(1);
  }

  @Test
  void everyGivenKey_mustHaveSigned() throws Exception {
    Ed25519NoteSigner log = Ed25519NoteSigner.generate("log.example", new SecureRandom());
    Ed25519NoteSigner other = Ed25519NoteSigner.generate("other.example", new SecureRandom());
    byte[] note =
        new CheckpointSigner("log.example/origin", log)
            .sign(new TreeHead(0, TreeHasher.emptyRoot()));
    Path cp = Files.write(dir.resolve("cp"), note);

    CliRun both =
        CliRun.run(
            "audit",
            "verify-checkpoint",
            cp.toString(),
            "--key",
            log.verifier().vkey(),
            "--key",
            other.verifier().vkey(),
            "--json");

    assertThat(both.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(new ObjectMapper().readTree(both.out()).get("reason").asText())
        .isEqualTo("MISSING_SIGNATURE");
  }

  @Test
  void pemKey_withName_verifiesLikeItsVkey() throws Exception {
    Ed25519NoteSigner log = Ed25519NoteSigner.generate("log.example", new SecureRandom());
    byte[] note =
        new CheckpointSigner("log.example/origin", log)
            .sign(new TreeHead(0, TreeHasher.emptyRoot()));
    Path cp = Files.write(dir.resolve("cp"), note);
    byte[] raw = log.verifier().publicKey();
    byte[] spki =
        SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(raw))
            .getEncoded();
    Path pem =
        write(
            "log.pem",
            "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(spki)
                + "\n-----END PUBLIC KEY-----\n");

    CliRun run =
        CliRun.run(
            "audit",
            "verify-checkpoint",
            cp.toString(),
            "--key-pem",
            pem.toString(),
            "--key-name",
            "log.example");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("origin log.example/origin").contains("size 0");
  }

  @Test
  void wrongOrigin_isADefiniteNo() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());

    CliRun run =
        CliRun.run(
            "audit",
            "verify-checkpoint",
            cp.toString(),
            "--key",
            SUMDB.get("log_vkey").asText(),
            "--origin",
            "Go rocks but I might have the wrong ID");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("expected \"Go rocks but I might have the wrong ID\"");
  }

  @Test
  void malformedNote_isUnreadableInput() throws Exception {
    Path cp = write("checkpoint", "go.sum database tree\n6476701\n");

    CliRun run =
        CliRun.run(
            "audit", "verify-checkpoint", cp.toString(), "--key", SUMDB.get("log_vkey").asText());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("malformed note").hasLineCount(1);
  }

  @Test
  void aSignedNoteThatIsNotACheckpoint_isMalformed() throws Exception {
    JsonNode example =
        TestVectors.json("c2sp-spec-examples.json").get("signed_note_verifiable_example");
    Path cp = write("note", example.get("note").asText());

    CliRun run =
        CliRun.run(
            "audit", "verify-checkpoint", cp.toString(), "--key", example.get("vkey").asText());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("malformed checkpoint");
  }

  @Test
  void malformedKey_isAUsageError() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());

    CliRun run = CliRun.run("audit", "verify-checkpoint", cp.toString(), "--key", "nope+1234+AAAA");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).startsWith("coffer audit verify-checkpoint: --key nope+1234+AAAA:");
  }

  @Test
  void noKey_isAUsageError() throws Exception {
    Path cp = write("checkpoint", SUMDB.get("note").asText());

    CliRun run = CliRun.run("audit", "verify-checkpoint", cp.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
  }
}
