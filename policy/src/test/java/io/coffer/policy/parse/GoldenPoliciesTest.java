package io.coffer.policy.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.coffer.policy.PolicyException;
import io.coffer.policy.Problem;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed policy under {@code golden/invalid/}, one mistake each, is refused with exactly
 * the problems its {@code .errors} file lists (file:line:column: path: message, one per line).
 *
 * <p>To review a changed message, run with {@code -Dcoffer.golden.print=true}: the actual problems
 * are printed; copy them only after reading them.
 */
class GoldenPoliciesTest {

  static Path dir(String name) {
    try {
      return Path.of(
          GoldenPoliciesTest.class.getResource("/io/coffer/policy/golden/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Path> invalid() throws IOException {
    try (Stream<Path> files = Files.list(dir("invalid"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidPolicy_isRefused_withExactlyItsExpectedProblems(Path file) throws IOException {
    String name = file.getFileName().toString();
    List<String> actual;
    try {
      PolicyParser.parse(name, Files.readAllBytes(file));
      fail(name + " was accepted");
      return;
    } catch (PolicyException e) {
      actual = e.problems().stream().map(Problem::toString).toList();
    }
    Path expectedFile = file.resolveSibling(name.replace(".yaml", ".errors"));
    if (Boolean.getBoolean("coffer.golden.print") || !Files.exists(expectedFile)) {
      System.out.println("== " + name + "\n" + String.join("\n", actual));
    }
    List<String> expected = Files.readAllLines(expectedFile, StandardCharsets.UTF_8);

    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void thereAreAtLeastFortyMistakes() throws IOException {
    assertThat(invalid().count()).isGreaterThanOrEqualTo(40);
  }
}
