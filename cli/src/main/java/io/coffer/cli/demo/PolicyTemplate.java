package io.coffer.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The example's policy templates ({@code examples/ml-workflow/policies/}, packaged in its jar),
 * filled as a stakeholder fills them: every {@code ${NAME}} replaced literally; a placeholder left
 * in a line that is not a comment is an error, never a policy.
 */
final class PolicyTemplate {
  private static final String RESOURCES = "/io/coffer/examples/ml/policies/";

  private PolicyTemplate() {}

  /**
   * The template {@code name} with {@code values} filled in.
   *
   * @throws IOException when the template is not on the class path
   * @throws IllegalStateException when a placeholder is left unfilled
   */
  static String filled(String name, Map<String, String> values) throws IOException {
    String text = load(name);
    for (Map.Entry<String, String> e : values.entrySet()) {
      text = text.replace("${" + e.getKey() + "}", e.getValue());
    }
    text.lines()
        .filter(l -> !l.stripLeading().startsWith("#"))
        .filter(l -> l.contains("${"))
        .findFirst()
        .ifPresent(l -> {
          throw new IllegalStateException(name + ": a placeholder is left unfilled: " + l.strip());
        });
    return text;
  }

  private static String load(String name) throws IOException {
    try (InputStream in = PolicyTemplate.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IOException(
            "the example's policy template " + name + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
