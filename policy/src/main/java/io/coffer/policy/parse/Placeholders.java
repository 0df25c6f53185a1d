package io.coffer.policy.parse;

import io.coffer.policy.model.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret placeholders {@code $$COFFER:<secret>[:<format>]$$} in commands, environment values and
 * file contents, and the formats each kind of secret can be written in.
 */
final class Placeholders {

  /** A placeholder; the name and format are checked separately for precise messages. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\$COFFER:([^$:]*)(?::([^$]*))?\\$\\$");

  /** Formats by kind; the first is the default when none is given. */
  static final Map<Secret.Kind, List<String>> FORMATS =
      Map.of(
          Secret.Kind.ASCII, List.of("text", "hex", "base64"),
          Secret.Kind.BINARY, List.of("hex", "base64"),
          Secret.Kind.PRIVATE_KEY, List.of("pem", "key", "der", "spki"),
          Secret.Kind.X509_CA, List.of("crt", "pem", "der", "chain", "key", "spki"),
          Secret.Kind.X509, List.of("crt", "pem", "der", "chain", "key", "spki"));

  /** Every format name of any kind. */
  static final Set<String> ALL_FORMATS =
      Set.of("text", "hex", "base64", "pem", "key", "der", "spki", "crt", "chain");

  private Placeholders() {}

  /**
   * A placeholder found in a text.
   *
   * @param secret the secret's name
   * @param format the format, if given
   */
  record Use(String secret, Optional<String> format) {}

  /** The placeholders in {@code text}, in order. */
  static List<Use> in(String text) {
    List<Use> uses = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      uses.add(new Use(m.group(1), Optional.ofNullable(m.group(2))));
    }
    return uses;
  }

  /** Whether {@code text} has something that starts like a placeholder but is not one. */
  static boolean hasBroken(String text) {
    String rest = PLACEHOLDER.matcher(text).replaceAll("");
    return rest.contains("$$COFFER");
  }
}
