package io.coffer.cli.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VersionCommandTest {

  private static String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  @Test
  void text_isTheSameAsVersionOption() {
    assertThat(run("version")).isEqualTo(run("--version"));
  }

  @Test
  void json_carriesVersionAndRuntime() throws Exception {
    JsonNode json = new ObjectMapper().readTree(run("version", "--json"));

    assertThat(json.get("version").asText()).isEqualTo(VersionInfo.current().version());
    assertThat(json.get("javaVersion").asText())
        .isEqualTo(System.getProperty("java.runtime.version"));
    assertThat(json.has("os")).isTrue();
  }
}
