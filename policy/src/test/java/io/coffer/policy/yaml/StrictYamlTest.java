package io.coffer.policy.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.policy.PolicyException;
import io.coffer.policy.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictYamlTest {

  private static List<String> problems(String yaml) {
    try {
      StrictYaml.read("p.yaml", yaml);
    } catch (PolicyException e) {
      return e.problems().stream().map(Problem::toString).toList();
    }
    throw new AssertionError("no problem found in:\n" + yaml);
  }

  @Test
  void read_givesScalarsAsText_withTheirPositions() throws Exception {
    YamlNode root = StrictYaml.read("p.yaml", "name: a/b\nlist:\n  - yes\n  - '1'\n");

    YamlNode.Mapping m = (YamlNode.Mapping) root;
    assertThat(m.mark()).isEqualTo(new Mark(1, 1));
    YamlNode.Scalar name = (YamlNode.Scalar) m.entry("name").orElseThrow().value();
    assertThat(name.value()).isEqualTo("a/b");
    assertThat(name.mark()).isEqualTo(new Mark(1, 7));
    YamlNode.Sequence list = (YamlNode.Sequence) m.entry("list").orElseThrow().value();
    assertThat(list.items())
        .containsExactly(
            new YamlNode.Scalar("yes", true, new Mark(3, 5)),
            new YamlNode.Scalar("1", false, new Mark(4, 5)));
  }

  @Test
  void flowAndBlockStyles_giveTheSameTree_apartFromPositions() throws Exception {
    YamlNode block = StrictYaml.read("p", "a:\n  - 1\n  - 2\nb: x\n");
    YamlNode flow = StrictYaml.read("p", "{a: [1, 2], b: x}");

    assertThat(((YamlNode.Mapping) block).entries()).hasSize(2);
    assertThat(((YamlNode.Mapping) flow).entries()).hasSize(2);
  }

  @Test
  void anchorsAndAliases_areRefused_everyOneOfThem() {
    assertThat(problems("a: &x [1, 2]\nb: *x\nc: *x\n"))
        .containsExactly(
            "p.yaml:1:4: anchors (&x) are not allowed",
            "p.yaml:2:4: aliases (*x) are not allowed",
            "p.yaml:3:4: aliases (*x) are not allowed");
  }

  @Test
  void aBillionLaughs_isRefusedWithoutExpandingIt() {
    StringBuilder y = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 10; i++) {
      y.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      y.append("]\n");
    }

    assertThat(problems(y.toString())).hasSize(10 + 81).first().asString().contains("anchors");
  }

  @Test
  void mergeKeys_areRefused() {
    assertThat(problems("a:\n  <<: {b: 1}\n"))
        .containsExactly("p.yaml:2:3: merge keys (<<) are not allowed");
  }

  @Test
  void explicitTags_areRefused() {
    assertThat(problems("a: !!binary aGk=\nb: !custom {c: 1}\n"))
        .containsExactly(
            "p.yaml:1:4: explicit tags (tag:yaml.org,2002:binary) are not allowed",
            "p.yaml:2:4: explicit tags (!custom) are not allowed");
  }

  @Test
  void duplicateKeys_areRefused_atTheSecondOne() {
    assertThat(problems("a: 1\nb: 2\na: 3\n")).containsExactly("p.yaml:3:1: duplicate key 'a'");
  }

  @Test
  void nonScalarKeys_areRefused() {
    assertThat(problems("? [a, b]\n: 1\n"))
        .containsExactly("p.yaml:1:3: keys must be plain text, not a list");
  }

  @Test
  void aSecondDocument_isRefused() {
    assertThat(problems("a: 1\n---\nb: 2\n"))
        .containsExactly("p.yaml:2:1: a policy is one YAML document; this is another one");
  }

  @Test
  void syntaxErrors_haveTheirPosition() {
    assertThat(problems("a: [1, 2\nb: 3\n")).hasSize(1).first().asString().startsWith("p.yaml:2:");
  }

  @Test
  void emptyDocuments_areRefused() {
    assertThat(problems("")).containsExactly("p.yaml:0:0: the document is empty");
    assertThat(problems("# only a comment\n")).containsExactly("p.yaml:0:0: the document is empty");
  }

  @Test
  void deepNesting_isRefused() {
    String deep = "[".repeat(StrictYaml.MAX_DEPTH + 1) + "]".repeat(StrictYaml.MAX_DEPTH + 1);

    assertThat(problems(deep)).hasSize(1).first().asString().contains("nest");
  }

  @Test
  void hugeDocuments_areRefused_beforeParsing() {
    String huge = "a: " + "x".repeat(StrictYaml.MAX_CHARS);

    assertThatThrownBy(() -> StrictYaml.read("p.yaml", huge))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("larger than");
  }
}
