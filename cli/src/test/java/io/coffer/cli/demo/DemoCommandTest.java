package io.coffer.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.Main;
import io.coffer.cli.command.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void demo_isHonestlyUnavailable_andPrintsItsPlan() {
    int code = run("demo");

    assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(out.toString())
        .contains("1. start an embedded CAS")
        .contains("8. verify the audit log");
    assertThat(err.toString())
        .startsWith("coffer demo: not available in this build yet")
        .hasLineCount(1);
  }

  @Test
  void demo_json_saysUnavailable() throws Exception {
    int code = run("demo", "--json");

    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(code).isEqualTo(ExitCode.UNAVAILABLE);
    assertThat(json.get("available").asBoolean()).isFalse();
    assertThat(json.get("plan")).hasSize(DemoCommand.PLAN.size());
  }
}
