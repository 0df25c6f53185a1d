package io.coffer.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.attestation.simulation.Measurement;
import io.coffer.cli.Main;
import io.coffer.cli.attest.TeeInterfaces;
import io.coffer.cli.command.ExitCode;
import io.coffer.cli.testing.CasCli;
import io.coffer.cli.testing.CasWorld;
import io.coffer.cli.testing.CliRun;
import io.coffer.cli.testing.LoopbackCas;
import io.coffer.fsshield.FsShield;
import io.coffer.fsshield.SealOptions;
import io.coffer.fsshield.SealResult;
import io.coffer.fsshield.TreeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code coffer run --fs} against a real CAS on loopback: a Java program whose code is in a
 * protected image tree, unsealed with the key and tag the CAS releases, receives exactly the
 * policy's environment, arguments and files; an altered or another version of the tree is refused
 * and the program never starts.
 */
class RunProtectedImageTest {

  @TempDir static Path dir;

  private static CasWorld world;
  private static LoopbackCas cas;
  private static Path sealed;
  private static Path work;
  private static Path out;

  /** A program that writes its environment, arguments, a policy file and a tree file to out. */
  private static final String PROGRAM =
      """
      import java.nio.file.*;
      import java.util.*;

      public class Prog {
        public static void main(String[] args) throws Exception {
          Path out = Path.of(System.getProperty("coffer.out"));
          Files.writeString(out.resolve("java-env"), new TreeMap<>(System.getenv()).toString());
          Files.writeString(out.resolve("java-args"), String.join(" ", args));
          Files.writeString(out.resolve("java-file"), Files.readString(Path.of("conf.txt")));
          Files.writeString(out.resolve("java-data"), Files.readString(Path.of("data.txt")));
          System.exit(3);
        }
      }
      """;

  @BeforeAll
  static void start() throws Exception {
    world = CasWorld.in(dir);
    cas = LoopbackCas.serving(world.home(), world.code("cas"), LoopbackCas.newKeys());
    world.pin(cas, "prod");
    Path alice = world.identity("alice");
    work = dir.resolve("work");
    out = Files.createDirectories(dir.resolve("out"));
    Path image = Files.createDirectories(dir.resolve("image/app"));
    Files.writeString(image.resolve("Prog.java"), PROGRAM, StandardCharsets.UTF_8);
    Files.writeString(image.resolve("data.txt"), "model weights", StandardCharsets.UTF_8);
    TreeKey key = TreeKey.generate();
    sealed = dir.resolve("sealed");
    SealResult r = FsShield.seal(dir.resolve("image"), sealed, key, SealOptions.defaults());
    String measurement = HexFormat.of().formatHex(Measurement.of(List.of(sealed)));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String yaml =
        "name: apps/ml\n"
            + "version: 1\n"
            + "services:\n"
            + "  - name: trainer\n"
            + "    identity:\n"
            + "      - simulation:\n"
            + "          measurement: "
            + measurement
            + "\n"
            + "    command: ["
            + java
            + ", -Dcoffer.out="
            + out
            + ", Prog.java, --epochs=3]\n"
            + "    environment:\n"
            + "      TOKEN: $$COFFER:token$$\n"
            + "      GREETING: hello\n"
            + "    pwd: "
            + work.resolve("app")
            + "\n"
            + "    files:\n"
            + "      - path: "
            + work.resolve("app/conf.txt")
            + "\n"
            + "        content: token=$$COFFER:token$$\n"
            + "    allow_host_args: [--fast]\n"
            + "    fs_shield:\n"
            + "      key: image-key\n"
            + "      tag: "
            + r.tag().hex()
            + "\n"
            + "secrets:\n"
            + "  - name: token\n"
            + "    kind: ascii\n"
            + "    size: 20\n"
            + "  - name: image-key\n"
            + "    kind: binary\n"
            + "    value: "
            + Base64.getEncoder().encodeToString(key.bytes())
            + "\n"
            + "security:\n"
            + "  tolerate: [simulation]\n";
    CliRun created =
        world.run(
            "policy",
            "create",
            "--cas",
            "prod",
            "--identity",
            alice.toString(),
            world.file("ml.yaml", yaml).toString());
    assertThat(created.exitCode()).as(created.err()).isEqualTo(ExitCode.OK);
  }

  @AfterAll
  static void stop() {
    cas.close();
  }

  private static CliRun run(Path tree, String... hostArgs) {
    CasCli cli = new CasCli(world.home(), Clock.systemUTC());
    CommandLine cl = Main.commandLine();
    cl.getCommandSpec().removeSubcommand("run");
    cl.addSubcommand(
        "run",
        new CommandLine(
            new RunCommand(
                cli.context(),
                new TeeInterfaces(dir.resolve("configfs-tsm"), dir.resolve("gramine")),
                Map.of("HOME", "/root", "JAVA_TOOL_OPTIONS", "-Dinjected=1"))));
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--cas",
                "prod",
                "--policy",
                "apps/ml",
                "--service",
                "trainer",
                "--tee",
                "simulation",
                "--measure",
                sealed.toString(),
                "--fs",
                tree.toString(),
                "--work",
                work.toString(),
                "--"));
    args.addAll(List.of(hostArgs));
    return CliRun.run(cl, args.toArray(String[]::new));
  }

  @Test
  void javaProgramInAProtectedTree_receivesExactlyWhatThePolicySays() throws Exception {
    CliRun run = run(sealed, "--fast", "--debug-port=5005");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    String env = Files.readString(out.resolve("java-env"));
    String token = Files.readString(out.resolve("java-file")).substring("token=".length());
    assertThat(token).hasSize(20);
    assertThat(env).isEqualTo("{GREETING=hello, TOKEN=" + token + "}");
    assertThat(Files.readString(out.resolve("java-args"))).isEqualTo("--epochs=3 --fast");
    assertThat(Files.readString(out.resolve("java-data"))).isEqualTo("model weights");
    assertThat(run.err()).contains("protected image tree").doesNotContain(token);
    assertThat(run.out()).doesNotContain(token);
    assertThat(emptyOrAbsent(work)).isTrue();
  }

  @Test
  void alteredTree_refused_programNeverStarts_nothingWritten() throws Exception {
    Path altered = dir.resolve("altered");
    copyTree(sealed, altered);
    try (Stream<Path> s = Files.list(altered.resolve("objects"))) {
      for (Path p : s.toList()) {
        byte[] b = Files.readAllBytes(p);
        b[b.length - 1] ^= 1;
        Files.write(p, b);
      }
    }
    Files.deleteIfExists(out.resolve("java-args"));

    CliRun run = run(altered);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("protected image tree").contains("FILE_MODIFIED");
    assertThat(out.resolve("java-args")).doesNotExist();
    assertThat(emptyOrAbsent(work)).isTrue();
  }

  @Test
  void anotherVersionOfTheTree_refusedAsTagMismatch() throws Exception {
    Path other = dir.resolve("other");
    FsShield.seal(dir.resolve("image"), other, TreeKey.generate(), SealOptions.defaults());
    Files.deleteIfExists(out.resolve("java-args"));

    CliRun run = run(other);

    assertThat(run.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(run.err()).contains("TAG_MISMATCH");
    assertThat(out.resolve("java-args")).doesNotExist();
  }

  private static boolean emptyOrAbsent(Path d) throws Exception {
    if (!Files.exists(d)) {
      return true;
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.findAny().isEmpty();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
