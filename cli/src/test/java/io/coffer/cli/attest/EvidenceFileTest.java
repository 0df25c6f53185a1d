package io.coffer.cli.attest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.attestation.AttestationException;
import io.coffer.attestation.Evidence;
import io.coffer.attestation.EvidenceType;
import io.coffer.cli.command.CommandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceFileTest {

  @TempDir Path dir;

  private static Evidence evidence(int size) {
    byte[] b = new byte[size];
    b[0] = 7;
    return new Evidence(EvidenceType.SGX, b);
  }

  private long filesIn(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.count();
    }
  }

  @Test
  void read_givesTheBytes_upToTheEvidenceLimit() throws Exception {
    Path file = Files.write(dir.resolve("e"), new byte[Evidence.MAX_SIZE_BYTES]);

    assertThat(EvidenceFile.read(file)).hasSize(Evidence.MAX_SIZE_BYTES);
  }

  @Test
  void read_refusesALargerFile_asMalformedEvidence() throws Exception {
    Path file = Files.write(dir.resolve("e"), new byte[Evidence.MAX_SIZE_BYTES + 1]);

    assertThatThrownBy(() -> EvidenceFile.read(file))
        .isInstanceOfSatisfying(
            AttestationException.class,
            e -> assertThat(e.reason()).isEqualTo(AttestationException.Reason.MALFORMED_EVIDENCE));
  }

  @Test
  void read_aMissingFile_isACommandFailureNamingIt() {
    Path missing = dir.resolve("missing");

    assertThatThrownBy(() -> EvidenceFile.read(missing))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("--evidence " + missing + ": cannot read");
  }

  @Test
  void writeAtomically_replacesTheFile_leavingNothingElse() throws Exception {
    Path file = Files.writeString(dir.resolve("out"), "old");

    EvidenceFile.writeAtomically(file, evidence(5000));

    assertThat(Files.readAllBytes(file)).isEqualTo(evidence(5000).bytes());
    assertThat(filesIn(dir)).isEqualTo(1);
  }

  @Test
  void writeAtomically_intoADirectoryThatIsNotThere_failsWithoutCreatingIt() {
    Path file = dir.resolve("missing").resolve("out");

    assertThatThrownBy(() -> EvidenceFile.writeAtomically(file, evidence(10)))
        .isInstanceOf(CommandException.class)
        .hasMessageStartingWith("--out " + file + ": cannot write");
    assertThat(file.getParent()).doesNotExist();
  }

  @Test
  void writeAtomically_ontoADirectory_failsAndLeavesNoTemporaryFile() throws Exception {
    Path target = Files.createDirectory(dir.resolve("out"));
    Files.writeString(target.resolve("keep"), "x");

    assertThatThrownBy(() -> EvidenceFile.writeAtomically(target, evidence(10)))
        .isInstanceOf(CommandException.class);
    assertThat(filesIn(dir)).isEqualTo(1);
    assertThat(target.resolve("keep")).hasContent("x");
  }
}
