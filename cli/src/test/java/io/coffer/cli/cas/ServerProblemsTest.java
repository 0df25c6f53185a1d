package io.coffer.cli.cas;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.cas.client.CasClientException;
import io.coffer.cli.command.CommandException;
import io.coffer.cli.command.ExitCode;
import io.coffer.policy.Problem;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServerProblemsTest {

  private static CasClientException problem(String slug, int status, List<Problem> problems) {
    return new CasClientException(slug, status, "refused", Optional.empty(), problems, null);
  }

  @Test
  void invalidPolicy_namesItsProblemsWithTheirPlaces_andIsADefiniteNo() {
    CommandException e =
        ServerProblems.of(
            "prod",
            problem(
                "invalid-policy",
                422,
                List.of(new Problem("policy.yaml", 3, 5, "access.read", "not a rule"))));

    assertThat(e.exitCode()).isEqualTo(ExitCode.NO);
    assertThat(e.getMessage())
        .isEqualTo("invalid-policy: refused [policy.yaml:3:5: access.read: not a rule]");
  }

  @Test
  void manyProblems_showTheFirstAndCountTheRest() {
    List<Problem> problems =
        IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new Problem("policy.yaml", i, 1, "", "problem " + i))
            .toList();

    String message =
        ServerProblems.of("prod", problem("invalid-policy", 422, problems)).getMessage();

    assertThat(message)
        .contains("problem 1", "problem 3", "and 2 more")
        .doesNotContain("problem 4");
  }

  @Test
  void otherProblems_areClassifiedByTheirSlug() {
    assertThat(ServerProblems.of("prod", problem("bad-request", 400, List.of())).exitCode())
        .isEqualTo(ExitCode.USAGE);
    assertThat(ServerProblems.of("prod", problem("sealed", 503, List.of())).exitCode())
        .isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(ServerProblems.of("prod", problem("forbidden", 403, List.of())).getMessage())
        .isEqualTo("forbidden: refused");
  }
}
